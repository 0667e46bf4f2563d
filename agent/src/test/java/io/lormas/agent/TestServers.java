package io.lormas.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.ServerSpec;
import org.jspecify.annotations.Nullable;

/** Server specs and commands of the tests: busybox scripts instead of game servers. */
final class TestServers {

    /** Echoes every console line back; exits on "stop"; prints the startup-done text first. */
    static final String ECHO_SCRIPT = """
            echo "booting as $(id -u):$(id -g) in $(pwd)"
            echo "Done (0.1s)! For help, type help"
            while read line; do
              echo "echo: $line"
              if [ "$line" = stop ]; then echo "stopping"; exit 0; fi
            done
            """;

    /** Ignores SIGTERM and its console: only a kill ends it. */
    static final String STUBBORN_SCRIPT = "trap '' TERM INT; echo stubborn; while true; do sleep 1; done";

    private TestServers() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static ServerSpec spec(String ownerId, String script, ServerSpec.StopSpec stop, ServerSpec.@Nullable InstallSpec install,
            List<ServerSpec.ConfigFile> configFiles, Map<String, String> environment) {
        return new ServerSpec(ownerId, TestEngine.IMAGE, List.of("/bin/sh", "-c", script), environment,
                new ServerSpec.Limits(500, 64, 0, 64, 64, 500), List.of(), List.of(), stop, install, configFiles,
                List.of("Done ("));
    }

    static ServerSpec echoServer(String ownerId) {
        return spec(ownerId, ECHO_SCRIPT, new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.COMMAND, "stop", 10), null,
                List.of(), Map.of("GREETING", "hello"));
    }

    static Command create(String serverId, ServerSpec spec) {
        return new Command(newId(), Command.Action.CREATE, serverId, spec, null, null, null, null, null, Instant.now());
    }

    static Command install(String serverId, ServerSpec spec) {
        return new Command(newId(), Command.Action.INSTALL, serverId, spec, null, null, null, null, null, Instant.now());
    }

    static Command of(Command.Action action, String serverId) {
        return Command.of(newId(), action, serverId, Instant.now());
    }

    static Command input(String serverId, String line) {
        return new Command(newId(), Command.Action.CONSOLE_INPUT, serverId, null, line, null, null, null, null, Instant.now());
    }

    static Command logs(String serverId, int lines) {
        return new Command(newId(), Command.Action.LOGS, serverId, null, null, lines, null, null, null, Instant.now());
    }

    static Command stop(String serverId, @Nullable Integer timeoutSeconds) {
        return new Command(newId(), Command.Action.STOP, serverId, null, null, null, null, timeoutSeconds, null, Instant.now());
    }

    static Command delete(String serverId, boolean removeData) {
        return new Command(newId(), Command.Action.DELETE, serverId, null, null, null, removeData, null, null, Instant.now());
    }
}
