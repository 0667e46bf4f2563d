package io.lormas.gateway.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.lormas.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class SpaFilesIT extends GatewayIntegrationTest {

    @Test
    void servesIndexAtRootAndForClientRoutes() {
        for (String path : new String[] { "/", "/servers/8f1c/console", "/login-callback" }) {
            String page = client.get().uri(path).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).as(path).contains("Lormas test SPA");
        }
    }

    @Test
    void servesHashedAssetsAsImmutable() {
        client.get().uri("/assets/app-3f2a.js").exchange().expectStatus().isOk()
                .expectHeader().value("Cache-Control", cache -> assertThat(cache).contains("immutable", "max-age=31536000"))
                .expectBody(String.class).isEqualTo("console.log('lormas');");
    }

    @Test
    void answersMissingFilesDotfilesAndTraversalWithProblems() {
        assertProblem(client.get().uri("/assets/missing.js").exchange(), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(client.get().uri("/.env").exchange(), HttpStatus.NOT_FOUND, "not-found");
        // the firewall refuses traversal before any handler sees it
        assertProblem(client.get().uri("/assets/%2e%2e/%2e%2e/etc/passwd").exchange(), HttpStatus.BAD_REQUEST, "bad-request");
    }

    @Test
    void neverAnswersApiPathsWithTheSpa() {
        assertProblem(client.get().uri("/api/nothing-here").headers(h -> h.setBearerAuth(userToken())).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
    }
}
