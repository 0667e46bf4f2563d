package io.lormas.contracts.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One version of an egg, as deploy-service needs it to validate variables, place, install and run a server.
 * Environment names always match {@code [A-Z_][A-Z0-9_]*} (catalog-service upper-cases legacy lower-case names on
 * import, in the variables and in every placeholder).
 *
 * @param startup the default startup command with {@code {{VARIABLE}}} placeholders
 * @param images docker images in the egg's order; the first is the default
 * @param stopSignal e.g. {@code SIGTERM}; null when the egg stops with {@code stopCommand}
 * @param stopCommand a console line such as {@code stop}; null when the egg stops with a signal
 * @param startupDone console text meaning the server finished starting ({@code regex:} prefix = a pattern)
 * @param configFiles edits of files in the data directory before each start
 * @param install the install script; null when the egg has none
 * @param capabilities Linux capabilities the egg needs beyond none (added back after dropping all), without
 *        {@code CAP_} prefix
 * @param startupCommands every named startup command, the default first (PLCN_v3 eggs may offer several);
 *        added after the first release: may be empty in events published before it
 */
public record EggDefinition(
        String startup,
        List<Image> images,
        @Nullable String stopSignal,
        @Nullable String stopCommand,
        List<String> startupDone,
        List<ConfigFile> configFiles,
        @Nullable Install install,
        List<Variable> variables,
        List<String> features,
        List<String> fileDenylist,
        List<String> capabilities,
        List<StartupCommand> startupCommands) {

    public EggDefinition {
        images = List.copyOf(images);
        startupDone = startupDone == null ? List.of() : List.copyOf(startupDone);
        configFiles = configFiles == null ? List.of() : List.copyOf(configFiles);
        variables = variables == null ? List.of() : List.copyOf(variables);
        features = features == null ? List.of() : List.copyOf(features);
        fileDenylist = fileDenylist == null ? List.of() : List.copyOf(fileDenylist);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        startupCommands = startupCommands == null ? List.of() : List.copyOf(startupCommands);
    }

    /** The first release's shape (no named startup commands). */
    public EggDefinition(String startup, List<Image> images, @Nullable String stopSignal, @Nullable String stopCommand,
            List<String> startupDone, List<ConfigFile> configFiles, @Nullable Install install, List<Variable> variables,
            List<String> features, List<String> fileDenylist, List<String> capabilities) {
        this(startup, images, stopSignal, stopCommand, startupDone, configFiles, install, variables, features,
                fileDenylist, capabilities, List.of());
    }

    /** A docker image choice: a label people see and the image reference. */
    public record Image(String label, String image) {
    }

    /** A named startup command ({@code Default} for eggs with one). */
    public record StartupCommand(String name, String command) {
    }

    /**
     * @param parser properties, yaml, json, ini, xml or file
     * @param replace what to find and the text to write (values may contain {@code {{server.build...}}} or
     *        {@code {{env.X}}} placeholders); numbers and booleans as their literal, JSON null as an empty text;
     *        list and conditional replacements are only in {@code find}
     * @param find the same entries with the JSON type the egg gave them, in order: a text, a number, a boolean,
     *        null, a list, or a map of current value (literal, {@code *} or {@code regex:...}) to replacement
     *        (a conditional replacement); added after the first release, may be empty in older events
     */
    public record ConfigFile(String path, String parser, Map<String, String> replace, Map<String, @Nullable Object> find) {

        public ConfigFile {
            replace = replace == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(replace));
            find = find == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(find));
        }

        /** The first release's shape (text replacements only). */
        public ConfigFile(String path, String parser, Map<String, String> replace) {
            this(path, parser, replace, Map.of());
        }
    }

    public record Install(String image, String entrypoint, String script) {
    }

    /**
     * @param rules the egg's Laravel-style rule string, validated with libs/eggs' rule engine
     * @param ruleTokens the same rules as the egg's verbatim tokens ({@code RuleSet.of(ruleTokens)} rebuilds them
     *        exactly, even a token that contains {@code |}); added after the first release, may be empty in older
     *        events (then parse {@code rules})
     */
    public record Variable(String envName, String name, @Nullable String description, @Nullable String defaultValue,
            boolean userViewable, boolean userEditable, String rules, List<String> ruleTokens) {

        public Variable {
            ruleTokens = ruleTokens == null ? List.of() : List.copyOf(ruleTokens);
        }

        /** The first release's shape (rule text only). */
        public Variable(String envName, String name, @Nullable String description, @Nullable String defaultValue,
                boolean userViewable, boolean userEditable, String rules) {
            this(envName, name, description, defaultValue, userViewable, userEditable, rules, List.of());
        }
    }
}
