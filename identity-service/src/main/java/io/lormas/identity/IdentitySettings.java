package io.lormas.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of identity-service ({@code lormas.identity.*}).
 *
 * @param issuer the public URL tokens name as {@code iss} (the gateway's), e.g. {@code http://localhost:8080}
 * @param console the SPA's public client {@code lormas-console}
 * @param admin the first-run superuser
 * @param tokens token lifetimes
 * @param login sign-in throttling
 * @param signingKeys key rotation timing
 * @param serviceClients platform services that call identity with client_credentials, by client id
 */
@ConfigurationProperties("lormas.identity")
public record IdentitySettings(String issuer, Console console, Admin admin, Tokens tokens, Login login,
        SigningKeys signingKeys, @Nullable Map<String, ServiceClient> serviceClients) {

    public IdentitySettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("lormas.identity.issuer (LORMAS_PUBLIC_URL) must be set to the gateway's URL");
        }
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        serviceClients = serviceClients == null ? Map.of() : Map.copyOf(serviceClients);
    }

    /** The console SPA: redirect URIs allowed after login and after logout. */
    public record Console(List<String> redirectUris, List<String> postLogoutRedirectUris) {
    }

    /** The superuser created on first run; a blank password means "generate one and print it once". */
    public record Admin(String email, @Nullable String password) {

        @Override
        public String toString() {
            return "Admin[email=" + email + ", password=" + (password == null || password.isBlank() ? "<generated>" : "****")
                    + "]";
        }
    }

    public record Tokens(Duration accessTokenTtl, Duration refreshTokenTtl) {
    }

    /** Failed sign-ins allowed per account and per client IP within {@code window} before sign-in is refused. */
    public record Login(int maxFailuresPerAccount, int maxFailuresPerIp, Duration window) {
    }

    /**
     * @param publicationDelay how long a new key is published before it signs
     * @param retention how long a retired key stays published
     */
    public record SigningKeys(Duration publicationDelay, Duration retention) {
    }

    /** A platform service's client: its secret (blank = disabled) and the permissions its tokens carry. */
    public record ServiceClient(@Nullable String secret, List<String> permissions) {

        public boolean enabled() {
            return secret != null && !secret.isBlank();
        }

        @Override
        public String toString() {
            return "ServiceClient[secret=****, permissions=" + permissions + "]";
        }
    }
}
