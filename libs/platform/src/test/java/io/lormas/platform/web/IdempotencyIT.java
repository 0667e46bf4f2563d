package io.lormas.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.lormas.platform.id.Ids;
import io.lormas.platform.testapp.PlatformIT;
import io.lormas.testkit.TestTokens;

@PlatformIT
class IdempotencyIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> post(String token, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/test/accounts"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void replaysTheFirstResponseForTheSameKeyAndBody() throws Exception {
        String token = TestTokens.shared().user(Ids.newId()).roles("customer").sign();
        String body = "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\"}";

        HttpResponse<String> first = post(token, "key-1", body);
        HttpResponse<String> second = post(token, "key-1", body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void neverRemembersResponsesThatCarrySecrets() throws Exception {
        String token = TestTokens.shared().user(Ids.newId()).sign();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/test/secrets"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", "secret-key");

        HttpResponse<String> first = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isNotEqualTo(first.body());
        assertThat(second.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void refusesTheSameKeyWithADifferentBody() throws Exception {
        String token = TestTokens.shared().user(Ids.newId()).roles("customer").sign();

        post(token, "key-2", "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\"}");
        HttpResponse<String> reused = post(token, "key-2", "{\"email\":\"b@example.com\",\"password\":\"correct horse battery\"}");

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency-key-reused");
    }

    @Test
    void keepsKeysOfDifferentCallersApart() throws Exception {
        String body = "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\"}";
        HttpResponse<String> alice = post(TestTokens.shared().user(Ids.newId()).sign(), "shared-key", body);
        HttpResponse<String> bob = post(TestTokens.shared().user(Ids.newId()).sign(), "shared-key", body);

        assertThat(bob.statusCode()).isEqualTo(201);
        assertThat(bob.body()).isNotEqualTo(alice.body());
        assertThat(bob.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void doesNotRememberRefusedRequestsAsSuccesses() throws Exception {
        String token = TestTokens.shared().user(Ids.newId()).sign();
        String invalid = "{\"email\":\"nope\",\"password\":\"x\"}";

        HttpResponse<String> first = post(token, "key-3", invalid);
        HttpResponse<String> again = post(token, "key-3", invalid);

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    }
}
