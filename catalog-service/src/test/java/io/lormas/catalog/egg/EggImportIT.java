package io.lormas.catalog.egg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.lormas.catalog.support.Api;
import io.lormas.catalog.support.Api.Answer;
import io.lormas.catalog.support.CatalogIT;
import io.lormas.catalog.support.SampleEgg;
import io.lormas.catalog.support.Tokens;

/** {@code POST /api/catalog/eggs/import}: what is imported, how, and every way a file is refused. */
@CatalogIT
class EggImportIT {

    @LocalServerPort
    int port;
    Api api;
    final String admin = Tokens.admin();

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private Answer importEgg(byte[] file, String contentType) {
        return api.upload("/api/catalog/eggs/import", file, contentType, admin);
    }

    private Answer importEgg(String file) {
        return importEgg(file.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    @Test
    void importsANewEggWith201AndItsWarnings() {
        SampleEgg egg = SampleEgg.named("Paper").startup("java -jar {{SERVER_JARFILE}} --motd {{MOTD}}");

        Answer answer = importEgg(egg.bytes(), "application/json");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.header("Location")).isEqualTo("/api/catalog/eggs/" + answer.text("id"));
        assertThat(answer.text("id")).hasSize(36);
        assertThat(answer.text("name")).isEqualTo(egg.name());
        assertThat(answer.body().path("created").asBoolean()).isTrue();
        assertThat(answer.body().path("version").asInt()).isEqualTo(1);
        assertThat(answer.body().path("source").path("format").asString()).isEqualTo("PTDL_v2");
        assertThat(answer.body().path("warnings").isArray()).isTrue();
        assertThat(messages(answer)).anySatisfy(w -> assertThat(w).contains("{{MOTD}}", "no variable defines"));
        // the egg's fields come with the answer
        assertThat(answer.body().path("dockerImages").get(0).path("image").asString())
                .isEqualTo("ghcr.io/pterodactyl/yolks:java_21");
        assertThat(answer.body().path("stop").path("type").asString()).isEqualTo("command");
        assertThat(answer.body().path("variables")).hasSize(4);
    }

    @Test
    void importsYamlEggsSentAsYaml() {
        String yaml = """
                meta:
                  version: PLCN_v2
                name: Yaml Egg %s
                author: tests@lormas.test
                description: written as YAML
                docker_images:
                  Alpine: alpine:3.20
                startup: ./run --port {{SERVER_PORT}} --name "{{SERVER_NAME}}"
                config:
                  files: {}
                  startup:
                    done: ready
                  stop: ^C
                scripts:
                  installation:
                    script: echo hi
                    container: alpine:3.20
                    entrypoint: ash
                variables:
                  - name: Server name
                    description: shown to players
                    env_variable: SERVER_NAME
                    default_value: lormas
                    user_viewable: true
                    user_editable: true
                    rules: [required, string, 'regex:/^[a-z|]+$/']
                """.formatted(UUID.randomUUID());

        Answer answer = importEgg(yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.body().path("source").path("syntax").asString()).isEqualTo("yaml");
        JsonNode variable = answer.body().path("variables").get(0);
        assertThat(variable.path("ruleTokens").values().stream().map(JsonNode::asString).toList())
                .containsExactly("required", "string", "regex:/^[a-z|]+$/");
        assertThat(answer.body().path("stop").path("signal").asString()).isEqualTo("SIGINT");
    }

    @Test
    void updatesAnEggWithAKnownUuidAsANewVersionAndKeepsTheOldOne() {
        UUID uuid = UUID.randomUUID();
        SampleEgg egg = SampleEgg.named("Versioned").uuid(uuid);
        String firstFile = egg.json();
        Answer first = importEgg(egg.bytes(), "application/json");
        String id = first.text("id");

        Answer second = importEgg(egg.description("second edition").bytes(), "application/json");
        Answer third = importEgg(egg.bytes(), "application/json");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.text("id")).isEqualTo(id);
        assertThat(second.body().path("version").asInt()).isEqualTo(2);
        assertThat(second.body().path("changed").asBoolean()).isTrue();
        // the same file again is no new version
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.body().path("version").asInt()).isEqualTo(2);
        assertThat(third.body().path("changed").asBoolean()).isFalse();
        // servers created on version 1 keep it
        Answer old = api.get("/api/catalog/eggs/" + id + "?version=1", admin);
        assertThat(old.text("description")).isEqualTo("An egg written by a test");
        assertThat(api.get("/api/catalog/eggs/" + id, admin).text("description")).isEqualTo("second edition");
        Answer versions = api.get("/api/catalog/eggs/" + id + "/versions", admin);
        assertThat(versions.body().path("items")).hasSize(2);
        assertThat(api.get("/api/catalog/eggs/" + id + "/versions/1/source", admin).raw().body())
                .isEqualTo(firstFile);
    }

    @Test
    void anExportImportedAgainUpdatesTheSameEggEvenWithoutAnUuidInTheOriginal() {
        Answer created = importEgg(SampleEgg.named("No uuid").bytes(), "application/json");
        String id = created.text("id");
        Answer export = api.get("/api/catalog/eggs/" + id + "/export?format=PTDL_v2", admin);

        Answer again = importEgg(export.raw().body());

        assertThat(created.text("uuid")).hasSize(36);
        assertThat(export.body().path("uuid").asString()).isEqualTo(created.text("uuid"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(id);
        assertThat(again.body().path("changed").asBoolean()).isFalse();
    }

    @Test
    void updatesANamedEggFromAFileWithoutUuid() {
        Answer created = importEgg(SampleEgg.named("Upstream").bytes(), "application/json");
        String id = created.text("id");

        Answer updated = api.upload("/api/catalog/eggs/" + id + "/import",
                SampleEgg.named("Upstream v2").bytes(), "application/json", admin);
        Answer foreign = api.upload("/api/catalog/eggs/" + id + "/import",
                SampleEgg.named("Other").uuid(UUID.randomUUID()).bytes(), "application/json", admin);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("id")).isEqualTo(id);
        assertThat(updated.body().path("version").asInt()).isEqualTo(2);
        assertProblem(foreign, 422, "unprocessable");
        assertThat(foreign.text("detail")).contains("uuid");
    }

    @Test
    void makesOneEggOfConcurrentImportsOfTheSameNewFile() throws Exception {
        byte[] file = SampleEgg.named("Concurrent").uuid(UUID.randomUUID()).bytes();
        List<Answer> answers;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            List<java.util.concurrent.Future<Answer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> importEgg(file, "application/json")));
            }
            answers = new java.util.ArrayList<>();
            for (var call : calls) {
                answers.add(call.get());
            }
        }

        assertThat(answers).extracting(Answer::status).containsOnly(201, 200).containsOnlyOnce(201);
        assertThat(answers).extracting(a -> a.text("id")).containsOnly(answers.getFirst().text("id"));
        assertThat(answers).extracting(a -> a.body().path("version").asInt()).containsOnly(1);
    }

    @Test
    void servesThePictureOfAPelicanEggToSignedInCallers() {
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        String yaml = """
                meta:
                  version: PLCN_v3
                name: Pictured %s
                author: tests@lormas.test
                description: has an icon
                image: data:image/png;base64,%s
                docker_images:
                  Alpine: alpine:3.20
                startup_commands:
                  Default: ./run
                config:
                  stop: ^C
                scripts:
                  installation:
                    script: echo hi
                    container: alpine:3.20
                    entrypoint: ash
                """.formatted(UUID.randomUUID(), png);
        String id = importEgg(yaml.getBytes(StandardCharsets.UTF_8), "application/yaml").text("id");

        var icon = Api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/catalog/eggs/" + id + "/icon"))
                .header("Authorization", "Bearer " + Tokens.customer()).build());
        Answer detail = api.get("/api/catalog/eggs/" + id, Tokens.customer());
        Answer none = api.get("/api/catalog/eggs/" + importEgg(SampleEgg.named("Plain").bytes(), "application/json")
                .text("id") + "/icon", admin);

        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.header("Content-Type")).isEqualTo("image/png");
        assertThat(icon.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(detail.body().path("hasIcon").asBoolean()).isTrue();
        assertThat(detail.raw().body()).doesNotContain(png);
        assertProblem(none, 404, "not-found");
    }

    @Test
    void upperCasesLowerCaseEnvironmentNamesEverywhereWithAWarning() {
        SampleEgg egg = SampleEgg.named("Legacy names")
                .variable("Host name", "hostname", "My server", true, true, "required|string|max:64")
                .variable("Server name", "srv_name", "lormas", true, true, "required|string")
                .startup("./server -name {{hostname}} -title {{ env.srv_name }} -jar {{SERVER_JARFILE}}")
                .find("motd", "{{server.build.env.hostname}}")
                .find("title", "{{server.environment.srv_name}}");

        Answer answer = importEgg(egg.bytes(), "application/json");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.body().path("variables").values().stream().map(v -> v.path("envVariable").asString()))
                .contains("HOSTNAME", "SRV_NAME").noneMatch(name -> !name.matches("[A-Z_][A-Z0-9_]*"));
        assertThat(answer.text("startup"))
                .isEqualTo("./server -name {{HOSTNAME}} -title {{ env.SRV_NAME }} -jar {{SERVER_JARFILE}}");
        JsonNode find = answer.body().path("configFiles").get(0).path("find");
        assertThat(find.path("motd").asString()).isEqualTo("{{server.build.env.HOSTNAME}}");
        assertThat(find.path("title").asString()).isEqualTo("{{server.environment.SRV_NAME}}");
        assertThat(messages(answer))
                .anySatisfy(w -> assertThat(w).contains("'hostname'", "stored as HOSTNAME"))
                .anySatisfy(w -> assertThat(w).contains("'srv_name'", "stored as SRV_NAME"))
                .noneSatisfy(w -> assertThat(w).contains("kept as written"));
    }

    @Test
    void refusesEnvironmentNamesOutsideThePatternNamingTheVariable() {
        Answer digit = importEgg(SampleEgg.named("Digit").variable("Port", "1PORT", "1", true, true, "").bytes(),
                "application/json");
        Answer dash = importEgg(SampleEgg.named("Dash").variable("Port", "GAME-PORT", "1", true, true, "").bytes(),
                "application/json");
        Answer reserved = importEgg(SampleEgg.named("Reserved").variable("Mem", "SERVER_MEMORY", "1", true, true, "")
                .bytes(), "application/json");
        Answer reservedLower = importEgg(SampleEgg.named("Reserved lower").variable("Port", "server_port", "1", true,
                true, "").bytes(), "application/json");
        Answer clash = importEgg(SampleEgg.named("Clash").variable("A", "hostname", "a", true, true, "")
                .variable("B", "HOSTNAME", "b", true, true, "").bytes(), "application/json");

        for (Answer answer : List.of(digit, dash, reserved, reservedLower, clash)) {
            assertProblem(answer, 422, "invalid-egg");
            assertThat(answer.body().path("errors").isArray()).as(answer.toString()).isTrue();
        }
        assertThat(digit.text("detail")).contains("1PORT", "not a valid environment variable name");
        assertThat(field(digit)).isEqualTo("variables.1PORT.env_variable");
        assertThat(dash.text("detail")).contains("GAME-PORT");
        assertThat(reserved.text("detail")).contains("SERVER_MEMORY", "reserved");
        assertThat(reservedLower.text("detail")).contains("server_port", "SERVER_PORT", "reserved");
        assertThat(field(reservedLower)).isEqualTo("variables.server_port.env_variable");
        assertThat(clash.text("detail")).contains("hostname", "HOSTNAME", "already uses");
    }

    @Test
    void answersMalformedJsonWith400NamingLineAndColumn() {
        String broken = "{\n  \"meta\": {\"version\": \"PTDL_v2\"},\n  \"name\": \"x\",,\n}";

        Answer answer = importEgg(broken);

        assertProblem(answer, 400, "malformed-egg");
        assertThat(answer.text("detail")).contains("line 3", "column");
        assertThat(answer.body().path("line").asInt()).isEqualTo(3);
        assertThat(answer.body().path("column").asInt()).isPositive();
    }

    @Test
    void answersMalformedYamlWith400NamingLineAndColumn() {
        String broken = "meta:\n  version: PLCN_v3\nname: [unclosed\nauthor: x\n";

        Answer answer = importEgg(broken.getBytes(StandardCharsets.UTF_8), "application/yaml");

        assertProblem(answer, 400, "malformed-egg");
        assertThat(answer.text("detail")).contains("YAML", "line", "column");
        assertThat(answer.body().path("line").asInt()).isPositive();
    }

    @Test
    void answersAnEmptyOrMissingBodyWith400() {
        assertProblem(importEgg(""), 400, "malformed-egg");
        assertProblem(api.send("POST", "/api/catalog/eggs/import", null, null, admin, java.util.Map.of()), 400,
                "malformed-egg");
    }

    @Test
    void answersUnknownFormatsWith422ListingTheSupportedOnes() {
        Answer unknown = importEgg(SampleEgg.named("Future").metaVersion("PTDL_v9").bytes(), "application/json");
        Answer none = importEgg(SampleEgg.named("No meta").metaVersion(null).bytes(), "application/json");
        Answer list = importEgg("[1, 2, 3]");

        for (Answer answer : List.of(unknown, none, list)) {
            assertProblem(answer, 422, "unsupported-egg-format");
            assertThat(answer.text("detail")).contains("PTDL_v1, PTDL_v2, PLCN_v1, PLCN_v2, PLCN_v3");
            assertThat(answer.body().path("supportedFormats").values().stream().map(JsonNode::asString))
                    .containsExactly("PTDL_v1", "PTDL_v2", "PLCN_v1", "PLCN_v2", "PLCN_v3");
        }
        assertThat(unknown.text("detail")).contains("PTDL_v9");
    }

    @Test
    void answersMoreThanOneMebibyteWith413() {
        String padded = SampleEgg.named("Huge").description("x".repeat(1024 * 1024 + 1)).json();

        Answer declared = importEgg(padded);
        // without Content-Length (chunked), the limit still holds
        Answer chunked = Api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/catalog/eggs/import"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(padded.getBytes(StandardCharsets.UTF_8))))
                .build());

        assertProblem(declared, 413, "payload-too-large");
        assertProblem(chunked, 413, "payload-too-large");
        assertThat(declared.body().path("maxBytes").asLong()).isEqualTo(1024 * 1024);
    }

    @Test
    void refusesANulCharacterThatCannotBeStored() {
        Answer answer = importEgg(SampleEgg.named("Nul").description("before\u0000after").bytes(), "application/json");
        Answer escapedBackslash = importEgg(SampleEgg.named("Backslash").description("C:\\u0000dir").bytes(),
                "application/json");

        assertProblem(answer, 422, "unprocessable");
        assertThat(answer.text("detail")).contains("NUL");
        assertThat(escapedBackslash.status()).as(escapedBackslash.toString()).isEqualTo(201);
        assertThat(escapedBackslash.text("description")).isEqualTo("C:\\u0000dir");
    }

    @Test
    void keepsUnknownRulesVerbatimWithAWarning() {
        SampleEgg egg = SampleEgg.named("Odd rules").variable("Mode", "MODE", "a", true, true,
                "required|string|frobnicate:3|in:a,b");

        Answer answer = importEgg(egg.bytes(), "application/json");
        Answer export = api.get("/api/catalog/eggs/" + answer.text("id") + "/export?format=PTDL_v2", admin);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(messages(answer)).anySatisfy(w -> assertThat(w).contains("frobnicate"));
        assertThat(export.body().path("variables").values().stream().map(v -> v.path("rules").asString()))
                .contains("required|string|frobnicate:3|in:a,b");
    }

    @Test
    void refusesAnUnknownNestWith422AndAMalformedOneWith400() {
        Answer unknown = api.upload("/api/catalog/eggs/import?nest=" + UUID.randomUUID(),
                SampleEgg.named("Nestless").bytes(), "application/json", admin);
        Answer malformed = api.upload("/api/catalog/eggs/import?nest=not-an-id",
                SampleEgg.named("Nestless").bytes(), "application/json", admin);

        assertProblem(unknown, 422, "unprocessable");
        assertThat(unknown.text("detail")).contains("nest", "does not exist");
        assertProblem(malformed, 400, "validation");
    }

    static List<String> messages(Answer answer) {
        return answer.body().path("warnings").values().stream()
                .map(w -> w.path("field").asString() + ": " + w.path("message").asString()).toList();
    }

    static String field(Answer answer) {
        return answer.body().path("errors").get(0).path("field").asString();
    }

    static void assertProblem(Answer answer, int status, String kind) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("https://lormas.dev/problems/" + kind);
        assertThat(answer.text("detail")).isNotBlank();
    }
}
