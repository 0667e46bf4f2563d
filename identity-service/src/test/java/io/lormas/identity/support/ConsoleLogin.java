package io.lormas.identity.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.jspecify.annotations.Nullable;

/**
 * The console's sign-in as a browser and an independent OIDC client library (Nimbus) do it: discovery, an
 * authorization request with PKCE, the real login form with its CSRF token and session cookie, the code exchange
 * and the id_token's signature checked against the published JWKS.
 */
public final class ConsoleLogin {

    public static final ClientID CONSOLE = new ClientID(TestIdentity.CONSOLE);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final OIDCProviderMetadata provider;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private ConsoleLogin(OIDCProviderMetadata provider) {
        this.provider = provider;
    }

    /** Discovery through {@code /.well-known/openid-configuration}, checking that it names the issuer. */
    public static ConsoleLogin discover(String issuer) {
        try {
            return new ConsoleLogin(OIDCProviderMetadata.resolve(new Issuer(issuer)));
        } catch (Exception e) {
            throw new AssertionError("OIDC discovery failed at " + issuer, e);
        }
    }

    public OIDCProviderMetadata provider() {
        return provider;
    }

    /** Sends a header with every browser request (e.g. X-Forwarded-For as the gateway would). */
    public ConsoleLogin withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** The outcome of one sign-in: tokens, or where the browser ended up instead. */
    public record Outcome(@Nullable OIDCTokenResponse tokens, @Nullable IDTokenClaimsSet idToken, int status,
            String location, String page) {

        public OIDCTokenResponse success() {
            if (tokens == null) {
                throw new AssertionError("sign-in failed: " + status + " " + location + " " + page);
            }
            return tokens;
        }
    }

    public OIDCTokenResponse login(String email, String password) {
        return attempt(email, password, null).success();
    }

    /** One sign-in from the authorization request to the token response. */
    public Outcome attempt(String email, String password, @Nullable String code) {
        return attempt(email, password, code, () -> { });
    }

    /**
     * One sign-in, running {@code whileTheFormIsOpen} after the login page was shown and before it is submitted
     * (e.g. to restart the service, or to switch replicas, under the browser).
     */
    public Outcome attempt(String email, String password, @Nullable String code, Runnable whileTheFormIsOpen) {
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        Nonce nonce = new Nonce();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email"), CONSOLE, URI.create(TestIdentity.CONSOLE_REDIRECT))
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();

        HttpResponse<String> authorize = get(request.toURI());
        String location = authorize.headers().firstValue("Location").orElse("");
        if (authorize.statusCode() != 302 || !location.contains("/login")) {
            // an existing session goes straight back with a code
            if (location.startsWith(TestIdentity.CONSOLE_REDIRECT)) {
                return exchange(location, state, nonce, verifier);
            }
            return new Outcome(null, null, authorize.statusCode(), location, authorize.body());
        }
        HttpResponse<String> page = get(URI.create(location));
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new AssertionError("no login form with a CSRF token at " + location + ": " + page.statusCode());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("password", password);
        if (code != null) {
            form.put("code", code);
        }
        form.put("_csrf", csrf.group(1));
        whileTheFormIsOpen.run();
        HttpResponse<String> submitted = postForm(URI.create(location.replaceAll("\\?.*$", "")), form);
        String next = submitted.headers().firstValue("Location").orElse("");
        if (submitted.statusCode() != 302 || next.contains("/login")) {
            return new Outcome(null, null, submitted.statusCode(), next, submitted.body());
        }
        HttpResponse<String> resumed = get(URI.create(next));
        String callback = resumed.headers().firstValue("Location").orElse("");
        if (!callback.startsWith(TestIdentity.CONSOLE_REDIRECT)) {
            return new Outcome(null, null, resumed.statusCode(), callback, resumed.body());
        }
        return exchange(callback, state, nonce, verifier);
    }

    /**
     * RP-initiated logout with this browser's session: where the browser is sent next.
     */
    public String logout(String idToken, String postLogoutRedirectUri) {
        URI uri = URI.create(provider.getEndSessionEndpointURI() + "?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + URLEncoder.encode(postLogoutRedirectUri, StandardCharsets.UTF_8));
        HttpResponse<String> response = get(uri);
        return response.statusCode() + " " + response.headers().firstValue("Location").orElse("");
    }

    private Outcome exchange(String callback, State state, Nonce nonce, CodeVerifier verifier) {
        try {
            AuthorizationResponse response = AuthorizationResponse.parse(URI.create(callback));
            if (!state.equals(response.getState())) {
                throw new AssertionError("state mismatch");
            }
            AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
            TokenRequest tokenRequest = new TokenRequest(provider.getTokenEndpointURI(), CONSOLE,
                    new AuthorizationCodeGrant(code, URI.create(TestIdentity.CONSOLE_REDIRECT), verifier));
            TokenResponse tokenResponse = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
            if (!tokenResponse.indicatesSuccess()) {
                throw new AssertionError("code exchange failed: " + tokenResponse.toErrorResponse().getErrorObject());
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) tokenResponse.toSuccessResponse();
            IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), CONSOLE, JWSAlgorithm.RS256,
                    provider.getJWKSetURI().toURL());
            IDTokenClaimsSet idToken = validator.validate(tokens.getOIDCTokens().getIDToken(), nonce);
            return new Outcome(tokens, idToken, 200, callback, "");
        } catch (Exception e) {
            throw new AssertionError("token exchange failed", e);
        }
    }

    private HttpResponse<String> get(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml");
        extraHeaders.forEach(request::header);
        return send(request.GET().build());
    }

    private HttpResponse<String> postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded");
        extraHeaders.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
