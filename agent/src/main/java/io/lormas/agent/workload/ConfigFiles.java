package io.lormas.agent.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lormas.contracts.agent.ServerSpec;
import jakarta.inject.Singleton;

/**
 * Applies an egg's config-file edits to the server's data directory before it starts. Values may use the
 * placeholders eggs use ({@code {{server.build.default.port}}}, {@code {{server.build.env.NAME}}},
 * {@code {{env.NAME}}}, ...); they are resolved from the server's spec. A path leaving the data directory
 * fails the whole start with {@code path_refused}.
 */
@Singleton
final class ConfigFiles {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

    private final DataDirectories directories;

    ConfigFiles(DataDirectories directories) {
        this.directories = directories;
    }

    /** Applies every edit; returns the paths edited and those skipped because a directory on the way is missing. */
    Map<String, Object> apply(String serverId, ServerSpec spec) {
        // Refuse before touching anything, so a bad egg changes no file at all.
        for (ServerSpec.ConfigFile file : spec.configFiles()) {
            DataDirectories.componentsOf(file.path());
        }
        List<String> applied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ServerSpec.ConfigFile file : spec.configFiles()) {
            Map<String, String> values = new LinkedHashMap<>();
            file.replace().forEach((key, value) -> values.put(key, resolve(value, spec)));
            byte[] current = directories.read(serverId, file.path()).orElse(null);
            byte[] edited;
            try {
                edited = ConfigFileEdits.apply(file.parser(), current, values);
            } catch (CommandFailure e) {
                throw new CommandFailure(e.code(), file.path() + ": " + e.getMessage(), e);
            }
            if (edited == null) {
                skipped.add(file.path());
            } else if (directories.write(serverId, file.path(), edited)) {
                applied.add(file.path());
            } else {
                skipped.add(file.path());
            }
        }
        return Map.of("applied", applied, "skipped", skipped);
    }

    static String resolve(String value, ServerSpec spec) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = lookup(matcher.group(1), spec);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? matcher.group() : replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String lookup(String name, ServerSpec spec) {
        ServerSpec.Allocation primary = spec.allocations().isEmpty() ? null : spec.allocations().getFirst();
        return switch (name) {
            case "server.build.default.port", "server.allocations.default.port" ->
                    primary == null ? null : Integer.toString(primary.port());
            case "server.build.default.ip", "server.allocations.default.ip" -> primary == null ? null : primary.ip();
            case "server.build.memory", "server.build.memory_limit" -> Long.toString(spec.limits().memoryMib());
            default -> {
                for (String prefix : List.of("server.build.env.", "server.environment.", "env.")) {
                    if (name.startsWith(prefix)) {
                        yield spec.environment().get(name.substring(prefix.length()));
                    }
                }
                yield null;
            }
        };
    }
}
