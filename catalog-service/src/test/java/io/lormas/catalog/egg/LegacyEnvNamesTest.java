package io.lormas.catalog.egg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.lormas.catalog.support.SampleEgg;
import io.lormas.eggs.FindValue;
import io.lormas.eggs.format.EggReader;
import io.lormas.platform.web.ProblemException;

class LegacyEnvNamesTest {

    private static LegacyEnvNames.Outcome upperCase(SampleEgg egg) {
        return LegacyEnvNames.upperCase(new EggReader().read(egg.bytes()));
    }

    @Test
    void leavesEggsWithValidNamesAsTheyAre() {
        SampleEgg sample = SampleEgg.named("Valid");
        var imported = new EggReader().read(sample.bytes());

        LegacyEnvNames.Outcome outcome = LegacyEnvNames.upperCase(imported);

        assertThat(outcome.egg()).isSameAs(imported.egg());
        assertThat(outcome.warnings()).isEqualTo(imported.warnings());
    }

    @Test
    void rewritesEveryPlaceholderFormOfALowerCaseName() {
        LegacyEnvNames.Outcome outcome = upperCase(SampleEgg.named("Legacy")
                .variable("Host", "hostname", "h", true, true, "required")
                .startup("run {{hostname}} {{ hostname }} {{env.hostname}} {{hostnames}} {{HOSTNAME_X}}")
                .find("a", "{{server.build.env.hostname}}-{{server.environment.hostname}}")
                .find("b", "literal hostname stays"));

        assertThat(outcome.egg().startup())
                .isEqualTo("run {{HOSTNAME}} {{ HOSTNAME }} {{env.HOSTNAME}} {{hostnames}} {{HOSTNAME_X}}");
        var find = outcome.egg().configFiles().getFirst().find();
        assertThat(find.get("a")).isEqualTo(new FindValue.Text("{{server.build.env.HOSTNAME}}-{{server.environment.HOSTNAME}}"));
        assertThat(find.get("b")).isEqualTo(new FindValue.Text("literal hostname stays"));
        assertThat(outcome.egg().variable("HOSTNAME")).isPresent();
        assertThat(outcome.warnings()).extracting(w -> w.message())
                .anySatisfy(m -> assertThat(m).contains("stored as HOSTNAME"))
                .anySatisfy(m -> assertThat(m).contains("HOSTNAME", "may clash"))
                .anySatisfy(m -> assertThat(m).startsWith("5 placeholders were rewritten"));
    }

    @Test
    void warnsWhenTheInstallScriptUsesTheLowerCaseName() {
        String json = SampleEgg.named("Script").variable("Plugins", "grafana_plugins", "", true, true, "nullable")
                .json().replace("echo installing {{SERVER_JARFILE}}", "grafana-cli install ${grafana_plugins}");

        LegacyEnvNames.Outcome outcome = LegacyEnvNames.upperCase(new EggReader().read(json));

        assertThat(outcome.warnings()).anySatisfy(w -> {
            assertThat(w.field()).isEqualTo("scripts.installation.script");
            assertThat(w.message()).contains("$grafana_plugins", "GRAFANA_PLUGINS");
        });
    }

    @Test
    void refusesANameThatBecomesReservedOrTaken() {
        assertThatThrownBy(() -> upperCase(SampleEgg.named("Reserved").variable("P", "server_ip", "", true, true, "")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("'server_ip' becomes SERVER_IP, which is reserved");
                    assertThat(e.errors().getFirst().field()).isEqualTo("variables.server_ip.env_variable");
                });
        assertThatThrownBy(() -> upperCase(SampleEgg.named("Taken").variable("A", "max_players", "", true, true, "")))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.getMessage()).contains("MAX_PLAYERS", "already uses"));
    }
}
