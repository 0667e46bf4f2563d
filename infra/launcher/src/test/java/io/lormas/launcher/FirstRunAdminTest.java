package io.lormas.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launcher reads identity-service's first-run line from its log, JSON (the default) or plain. */
class FirstRunAdminTest {

    @Test
    void readsTheGeneratedPasswordOutOfAJsonLogLine() {
        String log = """
                {"@timestamp":"2026-11-23T16:20:01Z","log":{"level":"INFO","logger":"o.s.boot"},"message":"Starting"}
                {"@timestamp":"2026-11-23T16:20:09Z","log":{"level":"WARN","logger":"io.lormas.identity.bootstrap.FirstRun"},\
                "message":"Lormas first-run admin: admin@lormas.local / u6xx6MgYOM45i9Al7d5N-_4EM","ecs":{"version":"8.11"}}
                """;

        assertThat(Launcher.firstRunAdmin(log)).contains(
                new Launcher.FirstRunAdmin("admin@lormas.local", "u6xx6MgYOM45i9Al7d5N-_4EM"));
    }

    @Test
    void readsAPlainLogLine() {
        String log = "2026-11-23T16:20:09Z WARN FirstRun - Lormas first-run admin: ops@example.com / P10doqw5HfEuzaRxppqVmnjG\n";

        assertThat(Launcher.firstRunAdmin(log)).contains(
                new Launcher.FirstRunAdmin("ops@example.com", "P10doqw5HfEuzaRxppqVmnjG"));
    }

    @Test
    void aConfiguredPasswordGivesTheEmailOnly() {
        String log = "{\"message\":\"Lormas first-run admin: admin@lormas.local (password from LORMAS_ADMIN_PASSWORD)\"}";

        assertThat(Launcher.firstRunAdmin(log)).contains(new Launcher.FirstRunAdmin("admin@lormas.local", null));
    }

    @Test
    void nothingOnLaterStarts() {
        assertThat(Launcher.firstRunAdmin("{\"message\":\"Started IdentityApplication in 9.1 seconds\"}")).isEmpty();
    }
}
