package io.lormas.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import io.lormas.identity.support.Accounts;
import io.lormas.identity.support.Accounts.Person;
import io.lormas.identity.support.Api;
import io.lormas.identity.support.ConsoleLogin;
import io.lormas.identity.support.IdentityIT;
import io.lormas.identity.support.TestIdentity;

/** The console's OpenID Connect flow, driven by an independent client library through the real login form. */
@IdentityIT
class OidcFlowIT {

    @Value("${lormas.identity.issuer}")
    String issuer;

    @Test
    void discoveryNamesTheIssuerAndEveryEndpoint() {
        var provider = ConsoleLogin.discover(issuer).provider();

        assertThat(provider.getIssuer().getValue()).isEqualTo(issuer);
        assertThat(provider.getTokenEndpointURI()).hasToString(issuer + "/oauth2/token");
        assertThat(provider.getJWKSetURI()).hasToString(issuer + "/oauth2/jwks");
        assertThat(provider.getUserInfoEndpointURI()).hasToString(issuer + "/userinfo");
        assertThat(provider.getRevocationEndpointURI()).hasToString(issuer + "/oauth2/revoke");
        assertThat(provider.getIntrospectionEndpointURI()).hasToString(issuer + "/oauth2/introspect");
        assertThat(provider.getEndSessionEndpointURI()).hasToString(issuer + "/connect/logout");
    }

    @Test
    void signsInWithPkceAndIssuesTheUserClaimsEveryServiceReads() {
        Accounts accounts = new Accounts(issuer);
        String email = Api.uniqueEmail("carla");
        var id = accounts.create(email, "carla-password-1", "customer");

        ConsoleLogin.Outcome outcome = ConsoleLogin.discover(issuer).attempt(email, "carla-password-1", null);
        OIDCTokenResponse tokens = outcome.success();

        assertThat(outcome.idToken().getSubject().getValue()).isEqualTo(id.toString());
        assertThat(outcome.idToken().getStringClaim("email")).isEqualTo(email);
        JsonNode claims = Api.claims(tokens.getOIDCTokens().getAccessToken().getValue());
        assertThat(claims.path("sub").asString()).isEqualTo(id.toString());
        assertThat(claims.path("iss").asString()).isEqualTo(issuer);
        assertThat(claims.path("principal_type").asString()).isEqualTo("user");
        assertThat(claims.path("email").asString()).isEqualTo(email);
        assertThat(claims.path("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("customer");
        List<String> permissions = claims.path("permissions").valueStream().map(JsonNode::asString).toList();
        assertThat(permissions).contains("servers.create", "control.console", "clients.manage")
                .doesNotContain("users.read", "nodes.write");
        assertThat(tokens.getOIDCTokens().getRefreshToken()).as("the public SPA gets a refresh token").isNotNull();

        Api.Answer me = new Api(issuer).get("/api/identity/me", tokens.getOIDCTokens().getAccessToken().getValue());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(email);
    }

    @Test
    void userinfoAnswersEmailAndRoles() {
        Person dana = new Accounts(issuer).person("dana", "customer");

        Api.Answer info = new Api(issuer).get("/userinfo", dana.token());

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.text("sub")).isEqualTo(dana.id().toString());
        assertThat(info.text("email")).isEqualTo(dana.email());
        assertThat(info.body().path("roles").toString()).contains("customer");
    }

    @Test
    void refreshRotatesTheTokenAndReusingAnOldOneRevokesTheFamily() throws Exception {
        Person erin = new Accounts(issuer).person("erin", "customer");
        ConsoleLogin login = ConsoleLogin.discover(issuer);
        RefreshToken first = login.login(erin.email(), erin.password()).getOIDCTokens().getRefreshToken();

        OIDCTokenResponse refreshed = refresh(login, first).toSuccessResponse() instanceof OIDCTokenResponse oidc ? oidc
                : null;
        assertThat(refreshed).isNotNull();
        RefreshToken second = refreshed.getOIDCTokens().getRefreshToken();
        assertThat(second).isNotNull().isNotEqualTo(first);
        assertThat(Api.claims(refreshed.getOIDCTokens().getAccessToken().getValue()).path("sub").asString())
                .isEqualTo(erin.id().toString());

        TokenResponse reuse = refresh(login, first);
        assertThat(reuse.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) reuse).getErrorObject().getCode()).isEqualTo("invalid_grant");

        TokenResponse afterReuse = refresh(login, second);
        assertThat(afterReuse.indicatesSuccess()).as("the whole family is revoked after a reuse").isFalse();
    }

    @Test
    void revokedRefreshTokenNoLongerRefreshes() throws Exception {
        Person fred = new Accounts(issuer).person("fred", "customer");
        ConsoleLogin login = ConsoleLogin.discover(issuer);
        RefreshToken token = login.login(fred.email(), fred.password()).getOIDCTokens().getRefreshToken();

        HTTPResponse revoked = new TokenRevocationRequest(login.provider().getRevocationEndpointURI(), ConsoleLogin.CONSOLE,
                token).toHTTPRequest().send();

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(refresh(login, token).indicatesSuccess()).isFalse();
    }

    @Test
    void logoutEndsTheBrowserSessionAndReturnsToTheConsole() {
        Person ida = new Accounts(issuer).person("ida", "customer");
        ConsoleLogin browser = ConsoleLogin.discover(issuer);
        String idToken = browser.login(ida.email(), ida.password()).getOIDCTokens().getIDTokenString();

        String afterLogout = browser.logout(idToken, "http://localhost:8080/");

        assertThat(afterLogout).isEqualTo("302 http://localhost:8080/");
        assertThat(browser.attempt(ida.email(), "wrong-password-x", null).location())
                .as("the next authorization asks for the password again").endsWith("/login?error");
    }

    @Test
    void servicesCanIntrospectTokens() {
        Accounts accounts = new Accounts(issuer);
        Person gina = accounts.person("gina", "customer");
        Api api = new Api(issuer);

        var active = introspect(api, gina.token());
        var garbage = introspect(api, "not-a-token");

        assertThat(active.body().path("active").asBoolean()).isTrue();
        assertThat(active.text("sub")).isEqualTo(gina.id().toString());
        assertThat(garbage.body().path("active").asBoolean()).isFalse();
    }

    @Test
    void unregisteredRedirectUriGetsAnErrorPageNeverARedirect() {
        String url = issuer + "/oauth2/authorize?response_type=code&client_id=lormas-console&scope=openid"
                + "&redirect_uri=https://attacker.example/steal&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&code_challenge_method=S256&state=s";
        Api.Answer answer = new Api(issuer).call("GET", url.substring(issuer.length()), null, null,
                java.util.Map.of("Accept", "text/html"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).doesNotContain("attacker.example");
    }

    @Test
    void wrongPasswordReturnsToTheFormWithoutATokenOrAHint() {
        Person hana = new Accounts(issuer).person("hana", "customer");

        ConsoleLogin.Outcome outcome = ConsoleLogin.discover(issuer).attempt(hana.email(), "not-her-password", null);

        assertThat(outcome.tokens()).isNull();
        assertThat(outcome.location()).endsWith("/login?error");
        ConsoleLogin.Outcome unknown = ConsoleLogin.discover(issuer).attempt(Api.uniqueEmail("nobody"), "whatever-pass", null);
        assertThat(unknown.location()).as("unknown emails look the same").endsWith("/login?error");
    }

    private static TokenResponse refresh(ConsoleLogin login, RefreshToken token) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(login.provider().getTokenEndpointURI(), ConsoleLogin.CONSOLE,
                new RefreshTokenGrant(token)).toHTTPRequest().send());
    }

    private static Api.Answer introspect(Api api, String token) {
        String basic = java.util.Base64.getEncoder().encodeToString(("node-service:" + TestIdentity.NODE_SERVICE_SECRET)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(URI.create(api.base() + "/oauth2/introspect"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + token)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Api.Answer(response.statusCode(), Api.JSON.readTree(response.body()), response);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
