package io.lormas.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.platform.id.Ids;
import io.lormas.platform.testapp.PlatformIT;
import io.lormas.testkit.TestTokens;

/** Every error kind answers RFC 9457 problem+json with type, title, status, detail, instance and requestId. */
@PlatformIT
class ProblemResponsesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String customer = TestTokens.shared().user(Ids.newId()).roles("customer").sign();

    @LocalServerPort
    int port;

    record Answer(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    }

    private Answer call(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json, response);
    }

    private Answer asCustomer(String method, String path, String body) throws Exception {
        return call(method, path, body, Map.of("Authorization", "Bearer " + customer));
    }

    private static void assertProblem(Answer answer, int status, String kind) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("type").asString()).as(answer.raw().body()).isEqualTo("https://lormas.dev/problems/" + kind);
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
        assertThat(answer.body().path("title").asString()).isNotBlank();
        assertThat(answer.body().path("detail").asString()).isNotBlank();
        assertThat(answer.body().path("requestId").asString()).isNotBlank();
        assertThat(answer.raw().headers().firstValue("X-Request-Id")).contains(answer.body().path("requestId").asString());
    }

    @Test
    void answersValidationErrorsWithOneEntryPerField() throws Exception {
        Answer answer = asCustomer("POST", "/api/test/accounts", "{\"email\":\"not-an-email\",\"password\":\"short\"}");

        assertProblem(answer, 400, "validation");
        List<String> fields = answer.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("email", "password");
        assertThat(answer.body().toString()).contains("must be at least 12 characters");
    }

    @Test
    void namesLineAndColumnOfMalformedJson() throws Exception {
        Answer answer = asCustomer("POST", "/api/test/accounts", "{\n  \"email\": \"a@b.c\",\n  \"password\": }");

        assertProblem(answer, 400, "validation");
        assertThat(answer.body().path("detail").asString()).contains("malformed JSON at line 3");
    }

    @Test
    void answersNotFound() throws Exception {
        assertProblem(asCustomer("GET", "/api/test/things/" + Ids.newId(), null), 404, "not-found");
    }

    @Test
    void answersBadPathParameterAsValidation() throws Exception {
        assertProblem(asCustomer("GET", "/api/test/things/not-a-uuid", null), 400, "validation");
    }

    @Test
    void answersConflict() throws Exception {
        assertProblem(asCustomer("POST", "/api/test/conflict", "{}"), 409, "conflict");
    }

    @Test
    void answersUnauthorizedWithoutAToken() throws Exception {
        Answer answer = call("GET", "/api/test/things/" + Ids.newId(), null, Map.of());

        assertProblem(answer, 401, "unauthorized");
        assertThat(answer.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void answersUnauthorizedForAnExpiredToken() throws Exception {
        String expired = TestTokens.shared().user(Ids.newId()).expired().sign();

        assertProblem(call("GET", "/api/test/things/" + Ids.newId(), null, Map.of("Authorization", "Bearer " + expired)),
                401, "unauthorized");
    }

    @Test
    void answersUnauthorizedForForeignSignatureAndAlgNone() throws Exception {
        String foreign = TestTokens.shared().user(Ids.newId()).roles("admin").signedWithForeignKey().sign();
        String none = TestTokens.shared().user(Ids.newId()).roles("admin").unsigned();
        String otherIssuer = TestTokens.shared().user(Ids.newId()).roles("admin").issuer("http://evil.example").sign();

        for (String token : List.of(foreign, none, otherIssuer)) {
            assertProblem(call("GET", "/api/test/admin-only", null, Map.of("Authorization", "Bearer " + token)), 401,
                    "unauthorized");
        }
    }

    @Test
    void answersForbiddenNamingThePermission() throws Exception {
        Answer answer = asCustomer("GET", "/api/test/admin-only", null);

        assertProblem(answer, 403, "forbidden");
        assertThat(answer.body().path("detail").asString()).contains("things.admin");
    }

    @Test
    void letsAnAdminThrough() throws Exception {
        String admin = TestTokens.shared().user(Ids.newId()).roles("admin").sign();

        assertThat(call("GET", "/api/test/admin-only", null, Map.of("Authorization", "Bearer " + admin)).status())
                .isEqualTo(200);
    }

    @Test
    void answersPayloadTooLarge() throws Exception {
        String big = "{\"email\":\"a@b.c\",\"password\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";

        assertProblem(asCustomer("POST", "/api/test/accounts", big), 413, "payload-too-large");
    }

    @Test
    void answersRateLimitedWithRetryAfter() throws Exception {
        Answer answer = asCustomer("GET", "/api/test/busy", null);

        assertProblem(answer, 429, "rate-limited");
        assertThat(answer.raw().headers().firstValue("Retry-After")).contains("7");
    }

    @Test
    void hidesInternalsOfUnexpectedErrors() throws Exception {
        Answer answer = asCustomer("GET", "/api/test/boom", null);

        assertProblem(answer, 500, "internal");
        assertThat(answer.raw().body()).doesNotContain("SELECT", "Exception", "at io.lormas");
    }

    @Test
    void echoesAValidRequestIdAndReplacesAnUnsafeOne() throws Exception {
        Answer kept = call("GET", "/api/test/things/" + Ids.newId(), null,
                Map.of("Authorization", "Bearer " + customer, "X-Request-Id", "abc-123"));
        Answer replaced = call("GET", "/api/test/things/" + Ids.newId(), null,
                Map.of("Authorization", "Bearer " + customer, "X-Request-Id", "bad id <script>"));

        assertThat(kept.body().path("requestId").asString()).isEqualTo("abc-123");
        assertThat(replaced.body().path("requestId").asString()).isNotEqualTo("bad id <script>").hasSize(36);
    }
}
