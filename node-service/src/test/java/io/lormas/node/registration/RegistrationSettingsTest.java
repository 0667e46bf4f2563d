package io.lormas.node.registration;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationSettingsTest {

    @Test
    void derivesTheAgentsUrlsFromThePublicUrl() {
        RegistrationSettings https = new RegistrationSettings(Duration.ofHours(1), URI.create("https://panel.example.com/"));
        RegistrationSettings http = new RegistrationSettings(Duration.ofHours(1), URI.create("http://localhost:8080"));

        assertThat(https.tokenUrl()).isEqualTo("https://panel.example.com/oauth2/token");
        assertThat(https.connectUrl()).isEqualTo("wss://panel.example.com/agent/connect");
        assertThat(http.connectUrl()).isEqualTo("ws://localhost:8080/agent/connect");
    }

    @Test
    void refusesUnusableSettings() {
        assertThatThrownBy(() -> new RegistrationSettings(Duration.ZERO, URI.create("https://x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegistrationSettings(Duration.ofHours(1), URI.create("ftp://x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void makesTokensThatAreHardToGuessAndNeverPrinted() {
        RegistrationToken token = RegistrationToken.generate(Instant.now());

        assertThat(RegistrationToken.wellFormed(token.value())).isTrue();
        assertThat(RegistrationToken.wellFormed("lrt_short")).isFalse();
        assertThat(RegistrationToken.generate(Instant.now()).value()).isNotEqualTo(token.value());
        assertThat(RegistrationToken.hash(token.value())).hasSize(32);
        assertThat(token.toString()).doesNotContain(token.value());
    }
}
