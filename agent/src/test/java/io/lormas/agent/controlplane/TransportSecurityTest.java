package io.lormas.agent.controlplane;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class TransportSecurityTest {

    @Test
    void allowsEncryptedTransportAndLoopback() {
        for (String uri : new String[] {"https://panel.example.com", "wss://panel.example.com/agent/connect",
                "http://127.0.0.1:8080", "ws://localhost:8080/agent/connect", "http://[::1]:8080"}) {
            assertThatCode(() -> TransportSecurity.require(URI.create(uri), false)).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesPlainTransportToOtherHostsUnlessAllowed() {
        assertThatThrownBy(() -> TransportSecurity.require(URI.create("http://panel.example.com"), false))
                .hasMessageContaining("not encrypted");
        assertThatThrownBy(() -> TransportSecurity.require(URI.create("ws://10.0.0.5/agent/connect"), false))
                .hasMessageContaining("allow-insecure");
        assertThatCode(() -> TransportSecurity.require(URI.create("ws://10.0.0.5/agent/connect"), true))
                .doesNotThrowAnyException();
    }
}
