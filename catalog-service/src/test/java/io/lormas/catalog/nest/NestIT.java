package io.lormas.catalog.nest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.lormas.catalog.support.Api;
import io.lormas.catalog.support.Api.Answer;
import io.lormas.catalog.support.CatalogIT;
import io.lormas.catalog.support.SampleEgg;
import io.lormas.catalog.support.Tokens;

/** {@code /api/catalog/nests}: categories of eggs. */
@CatalogIT
class NestIT {

    @LocalServerPort
    int port;
    Api api;
    final String admin = Tokens.admin();

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createsRenamesListsAndDeletesNests() {
        String name = unique("Minecraft");
        Answer created = api.post("/api/catalog/nests", Map.of("name", name, "description", "Block games"), admin);
        String id = created.text("id");

        Answer renamed = api.patch("/api/catalog/nests/" + id, Map.of("name", name + " Java"), admin);
        Answer read = api.get("/api/catalog/nests/" + id, Tokens.customer());
        Answer deleted = api.delete("/api/catalog/nests/" + id, admin);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/catalog/nests/" + id);
        assertThat(renamed.text("name")).isEqualTo(name + " Java");
        assertThat(renamed.text("description")).isEqualTo("Block games");
        assertThat(renamed.body().path("version").asInt()).isEqualTo(2);
        assertThat(read.text("name")).isEqualTo(name + " Java");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/catalog/nests/" + id, admin).status()).isEqualTo(404);
    }

    @Test
    void refusesDuplicateNamesRegardlessOfCase() {
        String name = unique("Rust");
        api.post("/api/catalog/nests", Map.of("name", name), admin);
        String other = api.post("/api/catalog/nests", Map.of("name", unique("Other")), admin).text("id");

        Answer duplicate = api.post("/api/catalog/nests", Map.of("name", name.toUpperCase()), admin);
        Answer renamedOnto = api.patch("/api/catalog/nests/" + other, Map.of("name", name), admin);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("detail")).contains("already exists");
        assertThat(renamedOnto.status()).isEqualTo(409);
    }

    @Test
    void refusesInvalidNestsWithFieldErrors() {
        Answer blank = api.post("/api/catalog/nests", Map.of("name", "  "), admin);
        Answer tooLong = api.post("/api/catalog/nests", Map.of("name", "x".repeat(101)), admin);
        Answer malformed = api.post("/api/catalog/nests", "{\"name\": ", admin);
        Answer nul = api.post("/api/catalog/nests", Map.of("name", unique("Nul"), "description", "a\u0000b"), admin);

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("detail")).contains("line 1");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body().path("errors").get(0).path("field").asString()).isEqualTo("description");
    }

    @Test
    void keepsANestThatHoldsEggsAndFiltersEggsByNest() {
        String nest = api.post("/api/catalog/nests", Map.of("name", unique("Voice")), admin).text("id");
        Answer egg = api.upload("/api/catalog/eggs/import?nest=" + nest, SampleEgg.named("Mumble").bytes(),
                "application/json", admin);

        Answer refused = api.delete("/api/catalog/nests/" + nest, admin);
        Answer inNest = api.get("/api/catalog/eggs?nest=" + nest, Tokens.customer());

        assertThat(egg.text("nestId")).isEqualTo(nest);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("1 egg");
        assertThat(inNest.body().path("items")).hasSize(1);
        assertThat(inNest.body().path("items").get(0).path("id").asString()).isEqualTo(egg.text("id"));
        // once the egg is gone, the nest may go
        api.delete("/api/catalog/eggs/" + egg.text("id"), admin);
        assertThat(api.delete("/api/catalog/nests/" + nest, admin).status()).isEqualTo(204);
    }

    @Test
    void pagesThroughNestsWithACursor() {
        for (int i = 0; i < 3; i++) {
            api.post("/api/catalog/nests", Map.of("name", unique("Paged")), admin);
        }

        Answer first = api.get("/api/catalog/nests?limit=2", admin);
        Answer second = api.get("/api/catalog/nests?limit=2&cursor=" + first.text("next"), admin);
        Answer badLimit = api.get("/api/catalog/nests?limit=500", admin);
        Answer badCursor = api.get("/api/catalog/nests?cursor=zzz", admin);

        assertThat(first.body().path("items")).hasSize(2);
        assertThat(first.text("next")).hasSize(36);
        assertThat(second.body().path("items").get(0).path("id").asString())
                .isGreaterThan(first.body().path("items").get(1).path("id").asString());
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badCursor.status()).isEqualTo(400);
    }
}
