package io.lormas.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import io.lormas.identity.support.Accounts;
import io.lormas.identity.support.Api;
import io.lormas.identity.support.ConsoleLogin;
import io.lormas.identity.support.TestIdentity;
import io.lormas.testkit.Ports;

/**
 * Nothing of the sign-in state lives only in memory: keys, clients and authorizations survive a restart, so tokens
 * issued before still validate and refresh after it.
 */
class RestartIT {

    private final int port = Ports.free();
    private final String issuer = "http://127.0.0.1:" + port;
    private final Map<String, Object> properties = properties(port);

    @Test
    void tokensIssuedBeforeARestartValidateAndRefreshAfterIt() throws Exception {
        String accessToken;
        com.nimbusds.oauth2.sdk.token.RefreshToken refreshToken;
        String kid;
        try (ConfigurableApplicationContext first = start(properties)) {
            var tokens = ConsoleLogin.discover(issuer).login(TestIdentity.ADMIN_EMAIL, TestIdentity.ADMIN_PASSWORD);
            accessToken = tokens.getOIDCTokens().getAccessToken().getValue();
            refreshToken = tokens.getOIDCTokens().getRefreshToken();
            kid = new Api(issuer).get("/oauth2/jwks", null).body().path("keys").get(0).path("kid").asString();
        }
        try (ConfigurableApplicationContext second = start(properties)) {
            Api api = new Api(issuer);
            assertThat(api.get("/api/identity/me", accessToken).status()).isEqualTo(200);
            assertThat(api.get("/oauth2/jwks", null).body().path("keys").get(0).path("kid").asString()).isEqualTo(kid);
            var refreshed = com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser.parse(new com.nimbusds.oauth2.sdk.TokenRequest(
                    ConsoleLogin.discover(issuer).provider().getTokenEndpointURI(), ConsoleLogin.CONSOLE,
                    new com.nimbusds.oauth2.sdk.RefreshTokenGrant(refreshToken)).toHTTPRequest().send());
            assertThat(refreshed.indicatesSuccess()).isTrue();
            assertThat(new Accounts(issuer).nodeServiceToken()).isNotBlank();
        }
    }

    /**
     * The browser's login session is kept in PostgreSQL, not in the process: a sign-in whose login page came from
     * one process completes on another (a restart here; another replica behind the gateway alike).
     */
    @Test
    void aSignInStartedBeforeARestartCompletesAfterIt() {
        ConfigurableApplicationContext[] running = {start(properties)};
        try {
            var tokens = ConsoleLogin.discover(issuer).attempt(TestIdentity.ADMIN_EMAIL, TestIdentity.ADMIN_PASSWORD,
                    null, () -> {
                        running[0].close();
                        running[0] = start(properties);
                    }).success();
            String accessToken = tokens.getOIDCTokens().getAccessToken().getValue();
            assertThat(new Api(issuer).get("/api/identity/me", accessToken).body().path("email").asString())
                    .isEqualToIgnoringCase(TestIdentity.ADMIN_EMAIL);
        } finally {
            running[0].close();
        }
    }

    private static Map<String, Object> properties(int port) {
        Map<String, Object> properties = TestIdentity.standaloneProperties(port);
        properties.put("lormas.identity.service-clients.node-service.secret", TestIdentity.NODE_SERVICE_SECRET);
        return properties;
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // above application.yaml, as the environment would be in production
        return new SpringApplicationBuilder(IdentityApplication.class)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("restartTest", properties)))
                .run();
    }
}
