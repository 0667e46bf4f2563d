package io.lormas.gateway.docs;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.lormas.gateway.GatewayIntegrationTest;
import io.lormas.gateway.TestUpstreams;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsIT extends GatewayIntegrationTest {

    @Test
    void listsEveryServiceDocumentOnOnePage() {
        String page = client.get().uri("/api/docs").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        for (String service : TestUpstreams.SERVICES) {
            assertThat(page).contains("href=\"/api/docs/" + service + "\"");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsDocumentsAsJsonForTools() {
        Map<String, Object> index = json(client.get().uri("/api/docs").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat((List<Map<String, String>>) index.get("items")).extracting(item -> item.get("url"))
                .containsExactlyElementsOf(TestUpstreams.SERVICES.stream().map(s -> "/api/docs/" + s).toList());
        assertThat(index).containsEntry("next", null);
    }

    @Test
    void proxiesEachServiceOpenApiDocumentAnonymously() {
        for (String service : TestUpstreams.SERVICES) {
            Map<String, Object> echo = json(client.get().uri("/api/docs/" + service).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody());
            assertThat(echo).as(service).containsEntry("service", service).containsEntry("path", "/v3/api-docs");
        }
    }
}
