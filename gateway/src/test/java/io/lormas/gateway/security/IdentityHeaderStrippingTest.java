package io.lormas.gateway.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityHeaderStrippingTest {

    private final IdentityHeaderStripping stripping = new IdentityHeaderStripping(
            new ForwardingSettings("10\\.0\\.0\\.\\d+", List.of("X-User-Id"), List.of("X-Lormas-")));

    @Test
    void takesTheClientSeenByTheNearestTrustedProxy() {
        // the client put 6.6.6.6 there itself; our load balancers appended 203.0.113.7 and 10.0.0.2
        assertThat(stripping.clientBehind(List.of("6.6.6.6, 203.0.113.7", "10.0.0.2"), "10.0.0.1"))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void fallsBackToThePeerWithoutForwardedFor() {
        assertThat(stripping.clientBehind(List.of(), "10.0.0.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void normalisesConfiguredHeaderNames() {
        ForwardingSettings settings = new ForwardingSettings(null, List.of("X-User-Id"), List.of("X-Lormas-"));

        assertThat(settings.stripHeaders()).containsExactly("x-user-id");
        assertThat(settings.stripHeaderPrefixes()).containsExactly("x-lormas-");
        assertThat(settings.trustedProxyPattern()).isNull();
    }
}
