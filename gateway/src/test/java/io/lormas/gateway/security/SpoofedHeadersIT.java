package io.lormas.gateway.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lormas.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class SpoofedHeadersIT extends GatewayIntegrationTest {

    @Test
    void neverPassesSpoofedIdentityOrAddressHeadersUpstream() {
        Map<String, Object> echo = json(client.get().uri("/api/servers")
                .headers(headers -> {
                    headers.setBearerAuth(userToken());
                    headers.set("X-User-Id", "00000000-0000-0000-0000-000000000001");
                    headers.set("X-User-Roles", "admin");
                    headers.set("X-Lormas-Principal", "admin");
                    headers.set("X-Principal-Type", "agent");
                    headers.set("X-Forwarded-For", "6.6.6.6");
                    headers.set("X-Forwarded-Host", "evil.example.test");
                    headers.set("X-Forwarded-Proto", "https");
                    headers.set("X-Forwarded-Port", "443");
                    headers.set("X-Real-IP", "6.6.6.6");
                    headers.set("Forwarded", "for=6.6.6.6;host=evil.example.test;proto=https");
                    headers.set("X-Original-URL", "/api/identity/admin");
                    headers.set("Remote-User", "root");
                })
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());

        Map<String, List<String>> seen = upstreamHeaders(echo);
        assertThat(seen).doesNotContainKeys("x-user-id", "x-user-roles", "x-lormas-principal", "x-principal-type",
                "x-real-ip", "forwarded", "x-original-url", "remote-user");
        assertThat(seen.toString()).doesNotContain("6.6.6.6", "evil.example.test");
        // the gateway's own view replaces what the client claimed
        assertThat(seen.get("x-forwarded-for")).containsExactly("127.0.0.1");
        assertThat(seen.get("x-forwarded-proto")).containsExactly("http");
        assertThat(seen.get("x-forwarded-host")).containsExactly("127.0.0.1:" + port);
        assertThat(seen.get("x-forwarded-port")).containsExactly(String.valueOf(port));
    }

    @Test
    void givesIdentityServiceThePublicHostToBuildRedirects() {
        Map<String, Object> echo = json(client.get().uri("/oauth2/authorize?client_id=spa")
                .header("X-Forwarded-Host", "evil.example.test")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());

        assertThat(echo).containsEntry("service", "identity").containsEntry("query", "client_id=spa");
        Map<String, List<String>> seen = upstreamHeaders(echo);
        assertThat(seen.get("x-forwarded-host")).containsExactly("127.0.0.1:" + port);
        assertThat(seen.get("x-forwarded-proto")).containsExactly("http");
        assertThat(seen.get("x-forwarded-port")).containsExactly(String.valueOf(port));
    }
}
