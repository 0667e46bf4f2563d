package io.lormas.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;

/**
 * How the edge validates access tokens; the same keys ({@code lormas.security.*}) as the services use.
 *
 * @param issuer the issuer tokens must carry: identity-service's public URL, which is the gateway's
 * @param jwkSetUri where the signing keys are fetched (and cached); default {@code <issuer>/oauth2/jwks}
 * @param audience when set, tokens must name it in {@code aud}
 */
@ConfigurationProperties("lormas.security")
public record SecuritySettings(String issuer, @Nullable String jwkSetUri, @Nullable String audience) {

    public SecuritySettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("lormas.security.issuer is not set (LORMAS_PUBLIC_URL): the public URL "
                    + "of the platform, e.g. http://localhost:8080");
        }
    }

    public String jwks() {
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            return jwkSetUri;
        }
        return issuer.replaceAll("/+$", "") + "/oauth2/jwks";
    }

    /** Expiry and not-before (60 s skew), issuer, and audience when one is configured. */
    OAuth2TokenValidator<Jwt> validator() {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(issuer));
        if (audience != null && !audience.isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(audience)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
