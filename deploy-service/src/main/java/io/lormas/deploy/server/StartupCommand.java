package io.lormas.deploy.server;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders an egg's startup command: {@code {{NAME}}}, {@code {{env.NAME}}} and {@code {{server.build.env.NAME}}}
 * become the variable's value; {@code {{server.build.memory}}}, {@code {{server.build.default.port}}} and
 * {@code {{server.build.default.ip}}} the server's facts. Unknown placeholders stay as written (as Wings does).
 * The result runs as {@code /bin/sh -c <rendered>} inside the server's own sandboxed container, never on a host.
 */
final class StartupCommand {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

    private StartupCommand() {
    }

    /**
     * @param values variables by name plus the platform's (SERVER_MEMORY, SERVER_IP, SERVER_PORT, ...)
     */
    static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (matcher.find()) {
            String value = lookup(matcher.group(1), values);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String lookup(String key, Map<String, String> values) {
        String name = key;
        for (String prefix : new String[] { "server.build.env.", "server.environment.", "env." }) {
            if (key.startsWith(prefix)) {
                name = key.substring(prefix.length());
            }
        }
        return switch (key) {
            case "server.build.memory", "server.build.memory_limit" -> values.get("SERVER_MEMORY");
            case "server.build.default.port", "server.allocations.default.port" -> values.get("SERVER_PORT");
            case "server.build.default.ip", "server.allocations.default.ip" -> values.get("SERVER_IP");
            default -> values.getOrDefault(name, values.get(name.toUpperCase(java.util.Locale.ROOT)));
        };
    }
}
