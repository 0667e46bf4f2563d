package io.lormas.platform.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How services validate access tokens.
 *
 * @param issuer the issuer URL tokens must carry (identity-service's public URL, i.e. the gateway's)
 * @param jwkSetUri where the signing keys are fetched from (cached); default {@code <issuer>/oauth2/jwks}
 * @param audience when set, tokens must name it in {@code aud}
 * @param publicPaths requests allowed without a token: {@code /path/**} or {@code GET /path/**}
 */
@ConfigurationProperties("lormas.security")
public record SecuritySettings(@Nullable String issuer, @Nullable String jwkSetUri, @Nullable String audience,
        @Nullable List<String> publicPaths) {

    public String requiredIssuer() {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("lormas.security.issuer is not set (LORMAS_SECURITY_ISSUER): the URL of the "
                    + "identity-service issuer, e.g. http://localhost:8080");
        }
        return issuer;
    }

    public String jwks() {
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            return jwkSetUri;
        }
        String base = requiredIssuer();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/oauth2/jwks";
    }

    public List<String> publicPathsOrEmpty() {
        return publicPaths == null ? List.of() : publicPaths;
    }
}
