package io.lormas.gateway.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.lormas.testkit.Awaits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.lormas.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AccessLogIT extends GatewayIntegrationTest {

    @Test
    void logsOneJsonLinePerRequestWithTraceAndRequestIds(CapturedOutput output) {
        String token = userToken();
        Map<String, Object> echo = json(client.get().uri("/api/servers?access_token=leak-me&page=2")
                .header("X-Request-Id", "access-log-1")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());

        // trace context propagated upstream (W3C traceparent)
        List<String> traceparent = upstreamHeaders(echo).get("traceparent");
        assertThat(traceparent).hasSize(1);
        String traceId = traceparent.get(0).split("-")[1];

        Awaits.until(Duration.ofSeconds(5), "access log line", () -> output.getOut().contains("\"requestId\":\"access-log-1\""));
        String line = output.getOut().lines().filter(l -> l.contains("\"requestId\":\"access-log-1\"")).findFirst().orElseThrow();
        Map<String, Object> entry = JSON.readValue(line, Map.class);
        assertThat(entry).containsEntry("traceId", traceId).containsEntry("route", "deploy");
        assertThat(entry.get("http")).isEqualTo(Map.of("request", Map.of("method", "GET"),
                "response", Map.of("status_code", 200)));
        assertThat(entry.get("url")).isEqualTo(Map.of("path", "/api/servers"));
        // neither the query (tokens, codes) nor the Authorization header is ever logged
        assertThat(output.getOut()).doesNotContain("leak-me").doesNotContain(token);
    }
}
