package io.lormas.catalog.egg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.catalog.support.SampleEgg;
import io.lormas.contracts.catalog.EggDefinition;
import io.lormas.eggs.Egg;
import io.lormas.eggs.format.EggReader;

class EggDefinitionsTest {

    private final Egg egg = new EggReader().read(SampleEgg.named("Definition").bytes()).egg();

    @Test
    void carriesTheStopCommandOrTheSignalName() {
        Egg signalled = new EggReader().read(SampleEgg.named("Signal").json().replace("\"stop\" : \"stop\"",
                "\"stop\" : \"^C\"")).egg();

        assertThat(EggDefinitions.of(egg, List.of()).stopCommand()).isEqualTo("stop");
        assertThat(EggDefinitions.of(signalled, List.of()).stopSignal()).isEqualTo("SIGINT");
        assertThat(EggDefinitions.of(signalled, List.of()).stopCommand()).isNull();
    }

    @Test
    void keepsTheTypesOfConfigReplacementsNextToTheirText() {
        EggDefinition.ConfigFile file = EggDefinitions.of(egg, List.of()).configFiles().getFirst();

        assertThat(file.replace()).containsExactly(Map.entry("server-port", "{{server.build.default.port}}"),
                Map.entry("online-mode", "true"), Map.entry("max-tick-time", "60000"));
        assertThat(file.find().get("online-mode")).isEqualTo(true);
        assertThat(file.find().get("max-tick-time")).isEqualTo(new BigDecimal("60000"));
    }

    @Test
    void survivesTheWireAndReadsWithTheFirstReleasesShape() {
        JsonMapper json = JsonMapper.builder().build();
        EggDefinition definition = EggDefinitions.of(egg, List.of("NET_BIND_SERVICE"));

        EggDefinition read = json.readValue(json.writeValueAsString(definition), EggDefinition.class);
        EggDefinition old = json.readValue("""
                {"startup": "run", "images": [{"label": "a", "image": "b"}], "stopSignal": "SIGINT",
                 "configFiles": [{"path": "p", "parser": "file", "replace": {"k": "v"}}],
                 "variables": [{"envName": "A", "name": "A", "userViewable": true, "userEditable": true,
                                "rules": "required"}]}
                """, EggDefinition.class);

        assertThat(read.variables()).isEqualTo(definition.variables());
        assertThat(read.capabilities()).containsExactly("NET_BIND_SERVICE");
        assertThat(read.configFiles().getFirst().replace()).isEqualTo(definition.configFiles().getFirst().replace());
        assertThat(read.startupCommands()).isEqualTo(definition.startupCommands());
        assertThat(old.startupCommands()).isEmpty();
        assertThat(old.configFiles().getFirst().find()).isEmpty();
        assertThat(old.variables().getFirst().ruleTokens()).isEmpty();
    }
}
