package io.lormas.gateway.security;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecuritySettingsTest {

    private static final String ISSUER = "http://localhost:8080";

    @Test
    void derivesKeySetFromIssuerUnlessGiven() {
        assertThat(new SecuritySettings(ISSUER + "/", null, null).jwks()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(new SecuritySettings(ISSUER, "http://127.0.0.1:9001/oauth2/jwks", null).jwks())
                .isEqualTo("http://127.0.0.1:9001/oauth2/jwks");
    }

    @Test
    void refusesToStartWithoutIssuer() {
        assertThatThrownBy(() -> new SecuritySettings(" ", null, null)).hasMessageContaining("LORMAS_PUBLIC_URL");
    }

    @Test
    void checksAudienceOnlyWhenConfigured() {
        Jwt forSpa = token(List.of("spa"));

        assertThat(new SecuritySettings(ISSUER, null, "").validator().validate(forSpa).hasErrors()).isFalse();
        assertThat(new SecuritySettings(ISSUER, null, "spa").validator().validate(forSpa).hasErrors()).isFalse();
        assertThat(new SecuritySettings(ISSUER, null, "lormas-api").validator().validate(forSpa).hasErrors()).isTrue();
        assertThat(new SecuritySettings(ISSUER, null, "lormas-api").validator().validate(token(null)).hasErrors()).isTrue();
    }

    @Test
    void rejectsOtherIssuersAndExpiredTokens() {
        SecuritySettings settings = new SecuritySettings(ISSUER, null, null);
        Jwt foreign = Jwt.withTokenValue("t").header("alg", "RS256").issuer("https://evil.example.test")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        Jwt expired = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER)
                .issuedAt(Instant.now().minusSeconds(600)).expiresAt(Instant.now().minusSeconds(300)).build();

        assertThat(settings.validator().validate(foreign).hasErrors()).isTrue();
        assertThat(settings.validator().validate(expired).hasErrors()).isTrue();
    }

    private static Jwt token(List<String> audience) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (audience != null) {
            builder.audience(audience);
        }
        return builder.build();
    }
}
