package io.lormas.catalog.egg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lormas.platform.web.ProblemException;

class CapabilitiesTest {

    @Test
    void normalisesNamesAndDropsDuplicates() {
        assertThat(Capabilities.normalise(List.of("cap_net_bind_service", " CHOWN ", "NET_BIND_SERVICE")))
                .containsExactly("NET_BIND_SERVICE", "CHOWN");
    }

    @Test
    void refusesCapabilitiesThatReachTheHost() {
        assertThatThrownBy(() -> Capabilities.normalise(List.of("CHOWN", "SYS_ADMIN", "CAP_NET_ADMIN")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.errors()).extracting(v -> v.field()).containsExactly("capabilities[1]", "capabilities[2]");
                });
    }
}
