package io.lormas.agent.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lormas.contracts.agent.ServerSpec;
import org.junit.jupiter.api.Test;

class ConfigFileEditsTest {

    private static String apply(String parser, String content, Map<String, String> replace) {
        byte[] result = ConfigFileEdits.apply(parser, content == null ? null : content.getBytes(StandardCharsets.UTF_8), replace);
        return result == null ? null : new String(result, StandardCharsets.UTF_8);
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void editsPropertiesKeepingCommentsAndAppendingNewKeys() {
        String result = apply("properties", "#Minecraft server properties\nserver-port=25565\nmotd = A server\n",
                ordered("server-port", "25570", "motd", "Hi", "query.port", "25570"));

        assertThat(result).isEqualTo("#Minecraft server properties\nserver-port=25570\nmotd=Hi\nquery.port=25570\n");
    }

    @Test
    void createsAPropertiesFileThatDoesNotExist() {
        assertThat(apply("properties", null, Map.of("a", "1"))).isEqualTo("a=1\n");
    }

    @Test
    void replacesWholeLinesByPrefixWithTheFileParser() {
        String result = apply("file", "ServerName=old\nMaxPlayers=4\n", Map.of("ServerName", "ServerName=New one"));

        assertThat(result).isEqualTo("ServerName=New one\nMaxPlayers=4\n");
        assertThat(apply("file", null, Map.of("a", "b"))).isNull();
    }

    @Test
    void editsIniSectionsAndKeys() {
        String ini = """
                ; comment
                global=1

                [url]
                Port=7777

                [/Script/Astro.AstroServerSettings]
                PublicIP=0.0.0.0
                """;

        String result = apply("ini", ini, ordered("url.Port", "8888", "[/Script/Astro.AstroServerSettings].PublicIP", "1.2.3.4",
                "[/Script/Astro.AstroServerSettings].OwnerName", "me", "[New.Section].key", "v", "global", "2"));

        assertThat(result).isEqualTo("""
                ; comment
                global=2

                [url]
                Port=8888

                [/Script/Astro.AstroServerSettings]
                PublicIP=1.2.3.4
                OwnerName=me

                [New.Section]
                key=v
                """);
    }

    @Test
    void setsDottedPathsInJsonWithTypes() {
        String result = apply("json", "{\"bindPort\": 1, \"game\": {\"name\": \"x\"}, \"list\": [1, 2]}",
                ordered("bindPort", "7777", "game.name", "My game", "game.public", "true", "list.1", "5", "ratio", "0.5"));

        assertThat(result).contains("\"bindPort\" : 7777", "\"name\" : \"My game\"", "\"public\" : true", "\"ratio\" : 0.5")
                .containsPattern("\"list\" : \\[ 1, 5 \\]");
    }

    @Test
    void setsDottedPathsInYaml() {
        String result = apply("yml", "listener:\n  port: 1\n  host: 0.0.0.0\nother: keep\n", Map.of("listener.port", "25577"));

        assertThat(result).contains("port: 25577", "host: \"0.0.0.0\"", "other: \"keep\"");
    }

    @Test
    void setsElementsAndAttributesInXml() {
        String xml = "<?xml version=\"1.0\"?><MyConfigDedicated><SessionSettings><MaxPlayers>4</MaxPlayers></SessionSettings></MyConfigDedicated>";

        String result = apply("xml", xml, ordered("MyConfigDedicated.SessionSettings.MaxPlayers", "16",
                "MyConfigDedicated.ServerPort", "27016", "MyConfigDedicated.Settings", "[port='9']"));

        assertThat(result).contains("<MaxPlayers>16</MaxPlayers>", "<ServerPort>27016</ServerPort>", "<Settings port=\"9\"/>");
    }

    @Test
    void refusesXmlWithADoctype() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";

        assertThatThrownBy(() -> apply("xml", xxe, Map.of("r.a", "1")))
                .isInstanceOfSatisfying(CommandFailure.class, e -> assertThat(e.code()).isEqualTo("config_invalid"));
    }

    @Test
    void refusesAnUnknownParserAndUnreadableContent() {
        assertThatThrownBy(() -> apply("toml", "", Map.of()))
                .isInstanceOfSatisfying(CommandFailure.class, e -> assertThat(e.code()).isEqualTo("config_invalid"));
        assertThatThrownBy(() -> apply("json", "{not json", Map.of("a", "1")))
                .isInstanceOfSatisfying(CommandFailure.class, e -> assertThat(e.code()).isEqualTo("config_invalid"));
    }

    @Test
    void resolvesEggPlaceholdersFromTheSpec() {
        ServerSpec spec = new ServerSpec("o", "img", List.of(), Map.of("LEVEL_NAME", "world"),
                new ServerSpec.Limits(100, 512, 0, 100, 64, 0), List.of(new ServerSpec.Allocation("0.0.0.0", 25565)),
                List.of(), new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.SIGNAL, "SIGTERM", 5), null, List.of(), List.of());

        assertThat(ConfigFiles.resolve("{{server.build.default.port}}/{{ server.build.env.LEVEL_NAME }}/{{env.LEVEL_NAME}}"
                + "/{{server.allocations.default.ip}}/{{server.build.memory}}/{{env.UNKNOWN}}", spec))
                .isEqualTo("25565/world/world/0.0.0.0/512/{{env.UNKNOWN}}");
    }
}
