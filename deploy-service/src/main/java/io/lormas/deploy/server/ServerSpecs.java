package io.lormas.deploy.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.lormas.contracts.agent.ServerSpec;
import io.lormas.contracts.catalog.EggDefinition;
import io.lormas.contracts.deploy.ServerAllocation;
import io.lormas.deploy.egg.EggCatalog;
import io.lormas.deploy.egg.EggVersion;
import io.lormas.deploy.scheduler.Allocations;
import io.lormas.deploy.variable.VariableStore;
import io.lormas.eggs.EnvironmentNames;

/**
 * Builds what the agent needs to install and run a server, from the egg version the server was created with, the
 * limits copied from its plan, its variables (decrypted here and nowhere else) and its ports.
 */
@Component
class ServerSpecs {

    private final EggCatalog eggs;
    private final VariableStore variables;
    private final Allocations allocations;
    private final ServerSettings settings;

    ServerSpecs(EggCatalog eggs, VariableStore variables, Allocations allocations, ServerSettings settings) {
        this.eggs = eggs;
        this.variables = variables;
        this.allocations = allocations;
        this.settings = settings;
    }

    /** What the caller already holds (a server just created): saves reading it back. */
    record Known(Map<String, String> variables, List<ServerAllocation> allocations) {
    }

    ServerSpec build(Server server) {
        return build(server, null);
    }

    ServerSpec build(Server server, @org.jspecify.annotations.Nullable Known known) {
        EggVersion egg = eggs.version(server.eggId(), server.eggVersion()).orElseThrow(() -> new IllegalStateException(
                "egg " + server.eggId() + " version " + server.eggVersion() + " of server " + server.id() + " is unknown"));
        EggDefinition definition = egg.definition();
        List<ServerAllocation> ports = known != null ? known.allocations() : allocations.ofServer(server.id());
        Map<String, String> values = new LinkedHashMap<>(known != null ? known.variables()
                : variables.plaintext(server.id()));
        Map<String, String> provided = provided(server, ports);
        Map<String, String> lookup = new LinkedHashMap<>(values);
        lookup.putAll(provided);
        String rendered = StartupCommand.render(server.startup(), lookup);

        Map<String, String> environment = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            String key = name.toUpperCase(Locale.ROOT); // Wings upper-cases legacy lower-case names
            if (EnvironmentNames.isValid(key) && !provided.containsKey(key)) {
                environment.put(key, value);
            }
        });
        environment.putAll(provided);
        environment.put("STARTUP", rendered);

        Server.Resources resources = server.resources();
        return new ServerSpec(
                server.ownerId().toString(),
                server.image(),
                List.of("/bin/sh", "-c", rendered),
                environment,
                new ServerSpec.Limits(resources.cpuMillis(), resources.memoryMib(), resources.swapMib(),
                        resources.diskMib(), settings.pids(), resources.ioWeight()),
                ports.stream().map(p -> new ServerSpec.Allocation(p.ip(), p.port())).toList(),
                definition.capabilities(),
                stop(definition),
                install(definition),
                definition.configFiles().stream()
                        .map(file -> new ServerSpec.ConfigFile(file.path(), file.parser(), file.replace())).toList(),
                definition.startupDone());
    }

    private static Map<String, String> provided(Server server, List<ServerAllocation> ports) {
        Map<String, String> provided = new LinkedHashMap<>();
        provided.put("SERVER_MEMORY", Long.toString(server.resources().memoryMib()));
        if (!ports.isEmpty()) {
            provided.put("SERVER_IP", ports.getFirst().ip());
            provided.put("SERVER_PORT", Integer.toString(ports.getFirst().port()));
        }
        provided.put("SERVER_UUID", server.id().toString());
        provided.put("P_SERVER_UUID", server.id().toString());
        provided.put("P_SERVER_LOCATION", server.region());
        provided.put("P_SERVER_ALLOCATION_LIMIT", Integer.toString(server.resources().ports()));
        provided.put("TZ", "UTC");
        return provided;
    }

    private ServerSpec.StopSpec stop(EggDefinition definition) {
        if (definition.stopCommand() != null && !definition.stopCommand().isBlank()) {
            return new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.COMMAND, definition.stopCommand(),
                    settings.stopTimeoutSeconds());
        }
        String signal = definition.stopSignal() == null || definition.stopSignal().isBlank() ? "SIGTERM"
                : definition.stopSignal();
        return new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.SIGNAL, signal, settings.stopTimeoutSeconds());
    }

    private static ServerSpec.@org.jspecify.annotations.Nullable InstallSpec install(EggDefinition definition) {
        EggDefinition.Install install = definition.install();
        if (install == null || install.script() == null || install.script().isBlank()) {
            return null;
        }
        String entrypoint = install.entrypoint() == null || install.entrypoint().isBlank() ? "sh" : install.entrypoint();
        return new ServerSpec.InstallSpec(install.image(), entrypoint, install.script());
    }
}
