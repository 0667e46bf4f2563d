package io.lormas.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.platform.id.Ids;
import io.lormas.platform.testapp.PlatformIT;
import io.lormas.testkit.Awaits;
import io.lormas.testkit.TestTokens;

/** The trace of the request that caused an event travels with it: outbox row, envelope and Pulsar property. */
@PlatformIT
class TracePropagationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void carriesTheCallersTraceIntoTheEvent() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/test/widgets"))
                .header("Authorization", "Bearer " + TestTokens.shared().user(Ids.newId()).sign())
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"traced\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        String widgetId = JsonMapper.builder().build().readTree(response.body()).path("id").asString();

        String traceparent = jdbc.sql("select traceparent from outbox_message where message_key = ?").param(widgetId)
                .query(String.class).single();
        String body = jdbc.sql("select body from outbox_message where message_key = ?").param(widgetId)
                .query(String.class).single();

        assertThat(traceparent).startsWith("00-" + traceId + "-");
        assertThat(body).contains(traceId);
        Awaits.until(Duration.ofSeconds(30), "traced event published", () -> jdbc.sql(
                "select published_at is not null from outbox_message where message_key = ?").param(widgetId)
                .query(Boolean.class).single());
    }
}
