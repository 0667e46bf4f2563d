package io.lormas.catalog.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.catalog.support.CatalogIT;

/** The OpenAPI document, as the gateway serves it at /api/docs/catalog, names the public URL, not this port. */
@CatalogIT
class ApiDocsIT {

    @LocalServerPort
    int port;

    @Test
    void namesThePublicUrlTheGatewayForwards() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "panel.example.com")
                .header("X-Forwarded-Port", "443")
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(response.body());
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("https://panel.example.com");
    }
}
