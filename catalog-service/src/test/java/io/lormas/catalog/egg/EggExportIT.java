package io.lormas.catalog.egg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.lormas.catalog.support.Api;
import io.lormas.catalog.support.Api.Answer;
import io.lormas.catalog.support.CatalogIT;
import io.lormas.catalog.support.SampleEgg;
import io.lormas.catalog.support.Tokens;

/** {@code GET /api/catalog/eggs/{id}/export}: PTDL_v2 and PLCN_v3, JSON or YAML. */
@CatalogIT
class EggExportIT {

    @LocalServerPort
    int port;
    Api api;
    final String admin = Tokens.admin();
    String id;

    @BeforeEach
    void egg() {
        api = new Api(port);
        id = api.upload("/api/catalog/eggs/import", SampleEgg.named("Export").bytes(), "application/json", admin)
                .text("id");
    }

    @Test
    void exportsPtdlV2AsJson() {
        Answer export = api.get("/api/catalog/eggs/" + id + "/export?format=PTDL_v2", admin);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/json");
        assertThat(export.header("Content-Disposition")).startsWith("attachment").contains("egg-export-", ".json");
        assertThat(export.body().path("meta").path("version").asString()).isEqualTo("PTDL_v2");
        assertThat(export.body().path("startup").asString()).contains("{{SERVER_JARFILE}}");
        assertThat(export.body().path("config").path("files").isString()).isTrue();
    }

    @Test
    void exportsPlcnV3AsJsonOrAsYamlByParameterOrAcceptHeader() {
        Answer json = api.get("/api/catalog/eggs/" + id + "/export?format=PLCN_v3", admin);
        Answer byParameter = api.get("/api/catalog/eggs/" + id + "/export?format=PLCN_v3&syntax=yaml", admin,
                Map.of("Accept", "*/*"));
        Answer byAccept = api.get("/api/catalog/eggs/" + id + "/export?format=plcn_v3", admin,
                Map.of("Accept", "application/yaml"));

        assertThat(json.body().path("meta").path("version").asString()).isEqualTo("PLCN_v3");
        assertThat(json.body().path("startup_commands").path("Default").asString()).contains("{{SERVER_JARFILE}}");
        for (Answer yaml : new Answer[] {byParameter, byAccept}) {
            assertThat(yaml.status()).as(yaml.toString()).isEqualTo(200);
            assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
            JsonNode tree = YAMLMapper.builder().build().readTree(yaml.raw().body());
            assertThat(tree.path("meta").path("version").asString()).isEqualTo("PLCN_v3");
            assertThat(tree.path("config").path("files").isObject()).isTrue();
        }
    }

    @Test
    void refusesUnknownFormatsAndYamlPtdl() {
        Answer unknown = api.get("/api/catalog/eggs/" + id + "/export?format=PTDL_v1", admin);
        Answer yamlPtdl = api.get("/api/catalog/eggs/" + id + "/export?format=PTDL_v2&syntax=yaml", admin,
                Map.of("Accept", "*/*"));
        Answer badSyntax = api.get("/api/catalog/eggs/" + id + "/export?syntax=toml", admin);

        EggImportIT.assertProblem(unknown, 400, "validation");
        assertThat(unknown.text("detail")).contains("PTDL_v2", "PLCN_v3");
        EggImportIT.assertProblem(yamlPtdl, 400, "validation");
        EggImportIT.assertProblem(badSyntax, 400, "validation");
    }

    @Test
    void exportsAnOlderVersionOnRequest() {
        Answer v1 = api.get("/api/catalog/eggs/" + id + "/export?format=PTDL_v2", admin);
        api.upload("/api/catalog/eggs/import", v1.raw().body().replace("An egg written by a test", "changed")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", admin);

        Answer old = api.get("/api/catalog/eggs/" + id + "/export?format=PTDL_v2&version=1", admin);
        Answer current = api.get("/api/catalog/eggs/" + id + "/export?format=PTDL_v2", admin);
        Answer missing = api.get("/api/catalog/eggs/" + id + "/export?version=9", admin);

        assertThat(old.body().path("description").asString()).isEqualTo("An egg written by a test");
        assertThat(current.body().path("description").asString()).isEqualTo("changed");
        EggImportIT.assertProblem(missing, 404, "not-found");
    }
}
