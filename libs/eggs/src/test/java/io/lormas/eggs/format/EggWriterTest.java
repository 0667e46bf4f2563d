package io.lormas.eggs.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lormas.eggs.ConfigFile;
import io.lormas.eggs.ConfigParser;
import io.lormas.eggs.DockerImage;
import io.lormas.eggs.Egg;
import io.lormas.eggs.EggVariable;
import io.lormas.eggs.FindValue;
import io.lormas.eggs.InstallScript;
import io.lormas.eggs.StartupCommand;
import io.lormas.eggs.StopAction;
import io.lormas.eggs.rules.RuleSet;
import tools.jackson.databind.JsonNode;

class EggWriterTest {

    private static final EggWriter WRITER =
            new EggWriter(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
    private static final EggReader READER = new EggReader();

    private static Egg egg() {
        var find = new LinkedHashMap<String, FindValue>();
        find.put("server-port", new FindValue.Text("{{server.build.default.port}}"));
        find.put("max-players", new FindValue.Number(new java.math.BigDecimal("20")));
        find.put("online-mode", new FindValue.Flag(true));
        return new Egg(UUID.fromString("5da37ef6-58da-4169-90a6-e683e1721247"), "Paper", "admin@example.org",
                "Fast Minecraft", "https://example.org/egg-paper.json",
                List.of(new StartupCommand("Default", "java -jar {{SERVER_JARFILE}}"),
                        new StartupCommand("Low memory", "java -Xmx512M -jar {{SERVER_JARFILE}}")),
                List.of(new DockerImage("Java 21", "ghcr.io/pelican-eggs/yolks:java_21"),
                        new DockerImage("Java 17", "ghcr.io/pelican-eggs/yolks:java_17")),
                StopAction.parse("stop"), List.of(")! For help, type "),
                List.of(new ConfigFile("server.properties", ConfigParser.PROPERTIES, find)),
                new InstallScript("ghcr.io/pelican-eggs/installers:java_21", "bash", "#!/bin/bash\r\necho install\n"),
                List.of("eula", "java_version"), List.of("*.lock"),
                List.of(new EggVariable("Server Jar File", "Jar to run.\r\nMust end in .jar", "SERVER_JARFILE",
                        "server.jar", true, true, RuleSet.parse("required|regex:/^([\\w\\d._-]+)(\\.jar)$/|frobnicate:1"), 1),
                        new EggVariable("Build", "", "BUILD_NUMBER", "1", true, false,
                                RuleSet.of(List.of("required", "integer", "")), null)),
                List.of("minecraft"), "data:image/png;base64,iVBORw0KGgo=");
    }

    @Test
    void writesPtdlV2WithTheFirstStartupCommandAndNoIcon() {
        String json = WRITER.write(egg(), EggFormat.PTDL_V2, Syntax.JSON);
        JsonNode tree = Codecs.JSON.readTree(json);

        assertThat(tree.path("meta").path("version").stringValue()).isEqualTo("PTDL_v2");
        assertThat(tree.path("startup").stringValue()).isEqualTo("java -jar {{SERVER_JARFILE}}");
        assertThat(tree.has("startup_commands")).isFalse();
        assertThat(tree.has("icon")).isFalse();
        assertThat(tree.path("exported_at").stringValue()).isEqualTo("2026-01-02T03:04:05+00:00");
        assertThat(tree.path("config").path("files").isString()).isTrue();
        assertThat(tree.path("variables").get(0).path("rules").stringValue())
                .isEqualTo("required|regex:/^([\\w\\d._-]+)(\\.jar)$/|frobnicate:1");
        assertThat(tree.path("variables").get(0).path("field_type").stringValue()).isEqualTo("text");
        assertThat(READER.read(json).egg()).isEqualTo(EggWriter.representable(egg(), EggFormat.PTDL_V2));
    }

    @Test
    void writesPlcnV3JsonWithConfigAsJsonTextAndRulesAsLists() {
        String json = WRITER.write(egg(), EggFormat.PLCN_V3, Syntax.JSON);
        JsonNode tree = Codecs.JSON.readTree(json);

        assertThat(tree.path("startup_commands").propertyNames()).containsExactly("Default", "Low memory");
        assertThat(tree.path("config").path("files").isString()).isTrue();
        assertThat(tree.path("variables").get(1).path("rules").values()).extracting(JsonNode::stringValue)
                .containsExactly("required", "integer", "");
        assertThat(READER.read(json).egg()).isEqualTo(egg());
    }

    @Test
    void writesPlcnV3YamlWithConfigAsMaps() {
        String yaml = WRITER.write(egg(), EggFormat.PLCN_V3, Syntax.YAML);
        JsonNode tree = Codecs.YAML.readTree(yaml);

        assertThat(yaml).startsWith("_comment:");
        assertThat(tree.path("config").path("files").path("server.properties").path("find").path("max-players").isNumber())
                .isTrue();
        assertThat(tree.path("config").path("startup").path("done").stringValue()).isEqualTo(")! For help, type ");
        assertThat(READER.read(yaml).egg()).isEqualTo(egg());
    }

    @Test
    void writesUnknownRulesBackUnchanged() {
        for (Syntax syntax : Syntax.values()) {
            Egg back = READER.read(WRITER.write(egg(), EggFormat.PLCN_V3, syntax)).egg();

            assertThat(back.variables().getFirst().rules().tokens()).endsWith("frobnicate:1");
        }
    }

    @Test
    void refusesFormatsItDoesNotWrite() {
        assertThat(EggWriter.supports(EggFormat.PTDL_V2, Syntax.YAML)).isFalse();
        assertThatThrownBy(() -> WRITER.write(egg(), EggFormat.PTDL_V2, Syntax.YAML))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PTDL_v2 as JSON, PLCN_v3 as JSON or YAML");
        assertThatThrownBy(() -> WRITER.write(egg(), EggFormat.PLCN_V1, Syntax.JSON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
