package io.lormas.catalog.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.lormas.catalog.support.Api;
import io.lormas.catalog.support.Api.Answer;
import io.lormas.catalog.support.CatalogIT;

/** {@code /api/catalog/runtimes}: seeded, public. */
@CatalogIT
class RuntimeIT {

    @LocalServerPort
    int port;

    @Test
    void listsTheSeededRuntimesToAnonymousCallersInDetectionOrder() {
        Answer answer = new Api(port).get("/api/catalog/runtimes", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("items").values().stream().map(r -> r.path("id").asString()))
                .containsExactly("dockerfile", "node", "python", "java", "go", "static");
        JsonNode node = answer.body().path("items").get(1);
        assertThat(node.path("baseImage").asString()).isEqualTo("node:22-alpine");
        assertThat(node.path("detectFiles").get(0).asString()).isEqualTo("package.json");
        assertThat(node.path("buildCommands").size()).isPositive();
        assertThat(node.path("startCommand").values().stream().map(JsonNode::asString)).containsExactly("npm", "start");
        assertThat(answer.body().path("items").get(0).path("baseImage").isNull()).isTrue();
    }

    @Test
    void readsOneRuntimeAndAnswers404ForUnknownOnes() {
        Api api = new Api(port);

        Answer go = api.get("/api/catalog/runtimes/go", null);
        Answer unknown = api.get("/api/catalog/runtimes/cobol", null);

        assertThat(go.text("baseImage")).startsWith("golang:");
        assertThat(go.body().path("detectFiles").get(0).asString()).isEqualTo("go.mod");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }
}
