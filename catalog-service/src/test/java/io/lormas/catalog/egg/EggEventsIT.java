package io.lormas.catalog.egg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import io.lormas.catalog.support.Api;
import io.lormas.catalog.support.Api.Answer;
import io.lormas.catalog.support.CatalogIT;
import io.lormas.catalog.support.PublishedEvents;
import io.lormas.catalog.support.SampleEgg;
import io.lormas.catalog.support.Tokens;
import io.lormas.contracts.catalog.EggDefinition;
import io.lormas.contracts.catalog.EggPublished;

/** {@code catalog.egg.*} as deploy-service receives them: read back from the real broker. */
@CatalogIT
class EggEventsIT {

    @LocalServerPort
    int port;
    @Autowired
    PublishedEvents events;
    @Autowired
    JdbcClient jdbc;
    Api api;
    final String admin = Tokens.admin();

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void publishesEverythingDeployServiceNeedsToRunAServer() {
        Answer imported = api.upload("/api/catalog/eggs/import", SampleEgg.named("Published")
                .variable("Host name", "hostname", "lormas", true, true, "required|string|max:20")
                .bytes(), "application/json", admin);
        String id = imported.text("id");

        JsonNode envelope = events.await("catalog.egg.published", id);
        EggPublished event = Api.JSON.treeToValue(envelope.path("payload"), EggPublished.class);
        EggDefinition definition = event.definition();

        assertThat(envelope.path("version").asInt()).isEqualTo(1);
        assertThat(event.eggId().toString()).isEqualTo(id);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.name()).isEqualTo(imported.text("name"));
        assertThat(definition.startup()).contains("{{SERVER_JARFILE}}");
        assertThat(definition.startupCommands()).extracting(EggDefinition.StartupCommand::name).containsExactly("Default");
        assertThat(definition.images()).extracting(EggDefinition.Image::image)
                .containsExactly("ghcr.io/pterodactyl/yolks:java_21", "ghcr.io/pterodactyl/yolks:java_17");
        assertThat(definition.stopCommand()).isEqualTo("stop");
        assertThat(definition.stopSignal()).isNull();
        assertThat(definition.startupDone()).containsExactly(")! For help, type ");
        EggDefinition.ConfigFile file = definition.configFiles().getFirst();
        assertThat(file.path()).isEqualTo("server.properties");
        assertThat(file.parser()).isEqualTo("properties");
        assertThat(file.replace()).containsEntry("server-port", "{{server.build.default.port}}")
                .containsEntry("online-mode", "true").containsEntry("max-tick-time", "60000");
        assertThat(file.find()).containsEntry("online-mode", true);
        assertThat(definition.install()).isNotNull();
        assertThat(definition.install().image()).isEqualTo("ghcr.io/pterodactyl/installers:alpine");
        assertThat(definition.install().entrypoint()).isEqualTo("ash");
        assertThat(definition.install().script()).contains("cd /mnt/server");
        assertThat(definition.variables()).extracting(EggDefinition.Variable::envName)
                .containsExactly("SERVER_JARFILE", "MAX_PLAYERS", "LICENSE_KEY", "LOCKED_MODE", "HOSTNAME");
        EggDefinition.Variable players = definition.variables().get(1);
        assertThat(players.rules()).isEqualTo("required|integer|between:1,500");
        assertThat(players.ruleTokens()).containsExactly("required", "integer", "between:1,500");
        assertThat(definition.variables().get(2).userViewable()).isFalse();
        assertThat(definition.features()).containsExactly("eula");
        assertThat(definition.fileDenylist()).containsExactly("server.jar");
        assertThat(definition.capabilities()).isEmpty();
    }

    @Test
    void publishesANewVersionOnUpdateAndEditAndARemovalOnDelete() {
        UUID uuid = UUID.randomUUID();
        SampleEgg egg = SampleEgg.named("Lifecycle").uuid(uuid);
        String id = api.upload("/api/catalog/eggs/import", egg.bytes(), "application/json", admin).text("id");
        api.upload("/api/catalog/eggs/import", egg.description("v2").bytes(), "application/json", admin);
        String nestId = api.post("/api/catalog/nests", Map.of("name", "Events " + uuid), admin).text("id");

        Answer edited = api.patch("/api/catalog/eggs/" + id,
                Map.of("nestId", nestId, "capabilities", List.of("cap_net_bind_service", "SYS_NICE")), admin);
        JsonNode third = events.await("catalog.egg.published", id, e -> e.path("payload").path("version").asInt() == 3);
        Answer removed = api.delete("/api/catalog/eggs/" + id, admin);
        events.await("catalog.egg.removed", id);

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.body().path("version").asInt()).isEqualTo(3);
        assertThat(third.path("payload").path("nestId").asString()).isEqualTo(nestId);
        assertThat(third.path("payload").path("definition").path("capabilities").values().stream()
                .map(JsonNode::asString)).containsExactly("NET_BIND_SERVICE", "SYS_NICE");
        assertThat(events.about(id).stream().map(e -> e.path("type").asString() + "@"
                + e.path("payload").path("version").asInt(0)))
                .containsExactly("catalog.egg.published@1", "catalog.egg.published@2", "catalog.egg.published@3",
                        "catalog.egg.removed@0");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get("/api/catalog/eggs/" + id, admin).status()).isEqualTo(404);
        // the versions stay: servers run on them
        assertThat(jdbc.sql("select count(*) from egg_version where egg_id = ?").param(UUID.fromString(id))
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void publishesNothingWhenTheSameFileIsImportedAgainOrAnEditChangesNothing() {
        SampleEgg egg = SampleEgg.named("Idempotent").uuid(UUID.randomUUID());
        String id = api.upload("/api/catalog/eggs/import", egg.bytes(), "application/json", admin).text("id");
        events.await("catalog.egg.published", id);

        Answer again = api.upload("/api/catalog/eggs/import", egg.bytes(), "application/json", admin);
        Answer noChange = api.patch("/api/catalog/eggs/" + id, Map.of("capabilities", List.of()), admin);

        assertThat(again.body().path("changed").asBoolean()).isFalse();
        assertThat(noChange.body().path("version").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox_message where message_key = ?").param(id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void refusesCapabilitiesThatWouldWeakenIsolation() {
        String id = api.upload("/api/catalog/eggs/import", SampleEgg.named("Caps").bytes(), "application/json", admin)
                .text("id");

        Answer answer = api.patch("/api/catalog/eggs/" + id, Map.of("capabilities", List.of("SYS_ADMIN", "CHOWN")),
                admin);
        Answer unknownField = api.patch("/api/catalog/eggs/" + id, Map.of("startup", "rm -rf /"), admin);

        EggImportIT.assertProblem(answer, 422, "unprocessable");
        assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("capabilities[0]");
        EggImportIT.assertProblem(unknownField, 400, "validation");
        assertThat(api.get("/api/catalog/eggs/" + id, admin).body().path("version").asInt()).isEqualTo(1);
    }
}
