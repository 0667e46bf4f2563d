package io.lormas.eggs.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.lormas.eggs.ConfigFile;
import io.lormas.eggs.ConfigParser;
import io.lormas.eggs.DockerImage;
import io.lormas.eggs.Egg;
import io.lormas.eggs.EggVariable;
import io.lormas.eggs.EnvironmentNames;
import io.lormas.eggs.FindValue;
import io.lormas.eggs.InstallScript;
import io.lormas.eggs.StartupCommand;
import io.lormas.eggs.StopAction;
import io.lormas.eggs.rules.RuleSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Maps the parsed tree of one egg file to an {@link Egg}, absorbing the differences between
 * formats and the quirks of real eggs, and collecting every error before giving up. One instance
 * per file.
 */
final class EggTreeReader {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{\\s*(?:env\\.)?([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("_comment", "meta", "exported_at", "name", "author",
            "uuid", "description", "features", "docker_images", "images", "image", "icon", "file_denylist",
            "startup", "startup_commands", "config", "scripts", "variables", "tags");
    private static final Set<String> CONFIG_KEYS = Set.of("files", "startup", "logs", "stop");
    /** Stop action of an egg that has none: what Docker's own stop amounts to for most servers. */
    private static final String DEFAULT_STOP = "^C";
    /** Pterodactyl's column defaults for an egg without installation details. */
    private static final String DEFAULT_INSTALL_CONTAINER = "alpine:3.4";
    private static final String DEFAULT_INSTALL_ENTRYPOINT = "ash";

    private final JsonNode root;
    private final EggFormat format;
    private final Syntax syntax;
    private final ImportSettings settings;
    private final List<ImportWarning> warnings = new ArrayList<>();
    private final List<FieldError> errors = new ArrayList<>();

    EggTreeReader(JsonNode root, EggFormat format, Syntax syntax, ImportSettings settings) {
        this.root = root;
        this.format = format;
        this.syntax = syntax;
        this.settings = settings;
    }

    ImportedEgg read() {
        for (String key : root.propertyNames()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                warn(key, "is not part of any egg format and is ignored");
            }
        }
        UUID uuid = uuid();
        String name = requiredText(root.get("name"), "name");
        String author = text(root.get("author"), "author");
        String description = text(root.get("description"), "description");
        String updateUrl = nullableText(root.path("meta").get("update_url"), "meta.update_url");
        List<StartupCommand> startupCommands = startupCommands();
        List<DockerImage> dockerImages = dockerImages();
        String icon = icon();

        // Tolerated: a whole config written as JSON text, read like its JSON-text parts.
        JsonNode config = root.get("config") != null && root.get("config").isString()
                ? embedded(root.get("config"), "config") : root.get("config");
        StopAction stop = StopAction.parse(DEFAULT_STOP);
        List<String> startupDone = List.of();
        List<ConfigFile> configFiles = List.of();
        if (isAbsent(config)) {
            warn("config", "is missing: no config files, no startup detection, and the server stops with "
                    + DEFAULT_STOP);
        } else if (!config.isObject()) {
            error("config", "must be an object with files, startup, logs and stop, not " + describe(config));
        } else {
            for (String key : config.propertyNames()) {
                if (!CONFIG_KEYS.contains(key)) {
                    warn("config." + key, "is not part of any egg format and is ignored");
                }
            }
            configFiles = configFiles(config.get("files"));
            startupDone = startupDone(config.get("startup"));
            stop = stop(config.get("stop"));
        }
        InstallScript installScript = installScript();
        List<String> features = textList(root.get("features"), "features");
        List<String> fileDenylist = textList(root.get("file_denylist"), "file_denylist");
        List<String> tags = textList(root.get("tags"), "tags");
        List<EggVariable> variables = variables();
        checkPlaceholders(startupCommands, variables);

        if (!errors.isEmpty()) {
            throw EggImportException.invalid(format, errors);
        }
        Egg egg = new Egg(uuid, name, author, description, updateUrl, startupCommands, dockerImages, stop,
                startupDone, configFiles, installScript, features, fileDenylist, variables, tags, icon);
        return new ImportedEgg(egg, format, syntax, warnings);
    }

    // ---- identity and texts ------------------------------------------------------------------

    private @Nullable UUID uuid() {
        String text = nullableText(root.get("uuid"), "uuid");
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!UUID_TEXT.matcher(text.strip()).matches()) {
            warn("uuid", "'" + text + "' is not a UUID and is ignored");
            return null;
        }
        return UUID.fromString(text.strip());
    }

    private List<StartupCommand> startupCommands() {
        JsonNode named = root.get("startup_commands");
        JsonNode single = root.get("startup");
        if (format == EggFormat.PLCN_V3 || !isAbsent(named)) {
            if (named != null && named.isObject() && !named.isEmpty()) {
                List<StartupCommand> commands = new ArrayList<>();
                for (Map.Entry<String, JsonNode> entry : named.properties()) {
                    commands.add(new StartupCommand(entry.getKey(),
                            startupCommand(entry.getValue(), "startup_commands." + entry.getKey())));
                }
                return commands;
            }
            if (!isAbsent(named) && !named.isObject()) {
                error("startup_commands", "must be a map of name to command, not " + describe(named));
                return List.of();
            }
            if (isAbsent(single)) {
                error("startup_commands", "is required: the egg has no startup command");
                return List.of();
            }
            warn("startup_commands", "is missing; the single startup command is used");
        }
        if (isAbsent(single)) {
            error("startup", "is required");
            return List.of();
        }
        return List.of(new StartupCommand(StartupCommand.DEFAULT_NAME, startupCommand(single, "startup")));
    }

    /** A blank command is kept with a warning: the egg imports, its servers need a command set first. */
    private String startupCommand(JsonNode node, String field) {
        String command = text(node, field);
        if (command.isBlank()) {
            warn(field, "is empty: a server of this egg cannot start until a startup command is set");
        }
        return command;
    }

    private List<DockerImage> dockerImages() {
        SequencedMap<String, String> images = new LinkedHashMap<>();
        JsonNode map = root.get("docker_images");
        if (format != EggFormat.PTDL_V1 || !isAbsent(map)) {
            if (map != null && map.isObject()) {
                for (Map.Entry<String, JsonNode> entry : map.properties()) {
                    String image = requiredText(entry.getValue(), "docker_images." + entry.getKey());
                    if (!image.isEmpty()) {
                        images.put(entry.getKey(), image);
                    }
                }
            } else if (map != null && map.isArray()) {
                warn("docker_images", "is a list, not a map of label to image: each image is labelled with itself");
                addImageList(map, "docker_images", images);
            } else if (!isAbsent(map)) {
                error("docker_images", "must be a map of label to Docker image, not " + describe(map));
            }
        }
        JsonNode list = root.get("images");
        JsonNode single = root.get("image");
        boolean singleIsDocker = single != null && single.isString() && !single.stringValue().isBlank()
                && !single.stringValue().startsWith("data:") && !format.isPelican();
        if (images.isEmpty()) {
            // PTDL_v1 (and a few hand-made PTDL_v2): Pterodactyl labels each image with itself.
            if (list != null && list.isArray() && !list.isEmpty()) {
                addImageList(list, "images", images);
            } else if (singleIsDocker) {
                images.put(single.stringValue(), single.stringValue());
            }
            if (!images.isEmpty() && format != EggFormat.PTDL_V1) {
                warn("docker_images", "is missing; the legacy image/images key is used");
            }
        } else if (format != EggFormat.PTDL_V1 && ((list != null && list.isArray() && !list.isEmpty())
                || singleIsDocker)) {
            warn("image", "the legacy image/images key is ignored: docker_images is used");
        }
        if (images.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("docker_images"))) {
            error(format == EggFormat.PTDL_V1 ? "images" : "docker_images", "names no Docker image to run the server in");
        }
        List<DockerImage> result = new ArrayList<>();
        images.forEach((label, image) -> result.add(new DockerImage(label, image)));
        return result;
    }

    private void addImageList(JsonNode list, String field, SequencedMap<String, String> images) {
        int index = 0;
        for (JsonNode item : list.values()) {
            String image = requiredText(item, field + "[" + index++ + "]");
            if (!image.isEmpty()) {
                images.putIfAbsent(image, image);
            }
        }
    }

    /** The egg's picture: PLCN_v3 {@code icon}, or a {@code data:} URI in {@code image} (any format). */
    private @Nullable String icon() {
        String icon = nullableText(root.get("icon"), "icon");
        JsonNode image = root.get("image");
        if (image != null && image.isString() && image.stringValue().startsWith("data:")) {
            return icon == null || icon.isBlank() ? image.stringValue() : icon;
        }
        if (format.isPelican() && image != null && image.isString() && !image.stringValue().isBlank()) {
            warn("image", "is not a data: URI picture and is ignored");
        }
        return icon == null || icon.isBlank() ? null : icon;
    }

    // ---- config --------------------------------------------------------------------------------

    private List<ConfigFile> configFiles(@Nullable JsonNode node) {
        JsonNode files = embedded(node, "config.files");
        if (files == null || (files.isArray() && files.isEmpty())) {
            return List.of();
        }
        if (!files.isObject()) {
            error("config.files", "must be a map of file path to parser and find rules, not " + describe(files));
            return List.of();
        }
        List<ConfigFile> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : files.properties()) {
            String field = "config.files[" + entry.getKey() + "]";
            JsonNode file = entry.getValue();
            if (!file.isObject()) {
                error(field, "must be an object with a parser and find rules, not " + describe(file));
                continue;
            }
            for (String key : file.propertyNames()) {
                if (!key.equals("parser") && !key.equals("find")) {
                    warn(field + "." + key, "is not understood and is ignored");
                }
            }
            String parserName = requiredText(file.get("parser"), field + ".parser");
            ConfigParser parser = ConfigParser.fromId(parserName).orElse(null);
            if (parser == null) {
                if (!parserName.isEmpty()) {
                    error(field + ".parser", "'" + parserName + "' is not a known parser; use properties, yaml"
                            + " (or yml), json, ini, xml or file");
                }
                continue;
            }
            if (!parserName.equals(parser.id())) {
                warn(field + ".parser", "'" + parserName + "' is read as '" + parser.id() + "'");
            }
            result.add(new ConfigFile(entry.getKey(), parser, findRules(file.get("find"), field + ".find")));
        }
        return result;
    }

    private SequencedMap<String, FindValue> findRules(@Nullable JsonNode find, String field) {
        SequencedMap<String, FindValue> rules = new LinkedHashMap<>();
        if (isAbsent(find) || (find.isArray() && find.isEmpty())) {
            return rules; // PHP writes an empty map as []
        }
        if (!find.isObject()) {
            error(field, "must be a map of key to replacement, not " + describe(find));
            return rules;
        }
        for (Map.Entry<String, JsonNode> entry : find.properties()) {
            rules.put(entry.getKey(), findValue(entry.getValue()));
        }
        return rules;
    }

    private static FindValue findValue(JsonNode node) {
        if (node.isString()) {
            return new FindValue.Text(node.stringValue());
        }
        if (node.isNumber()) {
            return new FindValue.Number(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new FindValue.Flag(node.booleanValue());
        }
        if (node.isArray()) {
            return new FindValue.Items(node.values().stream().map(EggTreeReader::findValue).toList());
        }
        if (node.isObject()) {
            SequencedMap<String, FindValue> cases = new LinkedHashMap<>();
            node.properties().forEach(entry -> cases.put(entry.getKey(), findValue(entry.getValue())));
            return new FindValue.Conditional(cases);
        }
        return new FindValue.Null();
    }

    private List<String> startupDone(@Nullable JsonNode node) {
        JsonNode startup = embedded(node, "config.startup");
        if (startup == null || (startup.isArray() && startup.isEmpty())) {
            return List.of();
        }
        if (!startup.isObject()) {
            error("config.startup", "must be an object with done, not " + describe(startup));
            return List.of();
        }
        for (String key : startup.propertyNames()) {
            // userInteraction: Pterodactyl 0.7's EULA prompts, unused by Wings.
            if (!key.equals("done") && !key.equals("userInteraction")) {
                warn("config.startup." + key, "is not understood and is ignored");
            }
        }
        JsonNode done = startup.get("done");
        if (isAbsent(done)) {
            return List.of();
        }
        if (done.isArray()) {
            List<String> lines = new ArrayList<>();
            int index = 0;
            for (JsonNode item : done.values()) {
                String line = text(item, "config.startup.done[" + index++ + "]");
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            return lines;
        }
        String line = text(done, "config.startup.done");
        return line.isEmpty() ? List.of() : List.of(line);
    }

    private StopAction stop(@Nullable JsonNode node) {
        String stop = text(node, "config.stop");
        if (stop.isBlank()) {
            warn("config.stop", "is missing: the server is stopped with " + DEFAULT_STOP);
            return StopAction.parse(DEFAULT_STOP);
        }
        StopAction action = StopAction.parse(stop);
        if (action instanceof StopAction.Signal signal && !signal.isKnown()) {
            warn("config.stop", "'" + stop + "' names no signal; the server is killed (SIGKILL), as Wings does");
        }
        return action;
    }

    /**
     * A config part that JSON eggs store as JSON-encoded text and YAML eggs as a real map. Returns
     * null when absent or empty.
     */
    private @Nullable JsonNode embedded(@Nullable JsonNode node, String field) {
        if (isAbsent(node)) {
            return null;
        }
        if (node.isObject() || node.isArray()) {
            return node;
        }
        if (!node.isString()) {
            error(field, "must be JSON text or a map, not " + describe(node));
            return null;
        }
        String text = node.stringValue();
        if (text.isBlank()) {
            return null;
        }
        try {
            JsonNode parsed = Codecs.JSON.readTree(text);
            return parsed == null || parsed.isNull() ? null : parsed;
        } catch (JacksonException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " (line " + location.getLineNr() + ", column "
                    + location.getColumnNr() + " of its text)";
            error(field, "is not valid JSON" + where + ": " + Codecs.problem(e));
            return null;
        }
    }

    private InstallScript installScript() {
        JsonNode scripts = root.get("scripts");
        JsonNode installation = scripts == null ? null : scripts.get("installation");
        if (!isAbsent(scripts) && !scripts.isObject()) {
            error("scripts", "must be an object with installation, not " + describe(scripts));
            return new InstallScript("", "", "");
        }
        if (isAbsent(installation)) {
            warn("scripts.installation", "is missing: nothing runs at install time");
            return new InstallScript(DEFAULT_INSTALL_CONTAINER, DEFAULT_INSTALL_ENTRYPOINT, "");
        }
        if (!installation.isObject()) {
            error("scripts.installation", "must be an object with script, container and entrypoint, not "
                    + describe(installation));
            return new InstallScript("", "", "");
        }
        String container = text(installation.get("container"), "scripts.installation.container");
        String entrypoint = text(installation.get("entrypoint"), "scripts.installation.entrypoint");
        String script = text(installation.get("script"), "scripts.installation.script");
        if (container.isBlank()) {
            warn("scripts.installation.container", "is empty: " + DEFAULT_INSTALL_CONTAINER + " is used");
            container = DEFAULT_INSTALL_CONTAINER;
        }
        if (entrypoint.isBlank()) {
            warn("scripts.installation.entrypoint", "is empty: " + DEFAULT_INSTALL_ENTRYPOINT + " is used");
            entrypoint = DEFAULT_INSTALL_ENTRYPOINT;
        }
        return new InstallScript(container, entrypoint, script);
    }

    // ---- variables ----------------------------------------------------------------------------

    private List<EggVariable> variables() {
        JsonNode list = root.get("variables");
        if (isAbsent(list) || (list.isObject() && list.isEmpty())) {
            return List.of();
        }
        if (!list.isArray()) {
            error("variables", "must be a list, not " + describe(list));
            return List.of();
        }
        List<EggVariable> variables = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        int index = -1;
        for (JsonNode node : list.values()) {
            index++;
            String at = "variables[" + index + "]";
            if (!node.isObject()) {
                error(at, "must be an object, not " + describe(node));
                continue;
            }
            String env = text(node.get("env_variable"), at + ".env_variable").strip();
            String field = env.isEmpty() ? at : "variables." + env;
            int errorsBefore = errors.size();
            String name = requiredText(node.get("name"), field + ".name");
            if (env.isEmpty()) {
                error(at + ".env_variable", "is required");
            } else {
                checkEnvName(env, field + ".env_variable");
                Integer previous = firstIndex.putIfAbsent(env, index);
                if (previous != null) {
                    error(field + ".env_variable", "'" + env + "' is defined twice (variables[" + previous
                            + "] and variables[" + index + "])");
                }
            }
            String description = text(node.get("description"), field + ".description");
            String defaultValue = text(node.get("default_value"), field + ".default_value");
            boolean viewable = flag(node.get("user_viewable"), field + ".user_viewable");
            boolean editable = flag(node.get("user_editable"), field + ".user_editable");
            RuleSet rules = rules(node.get("rules"), field + ".rules");
            Integer sort = sort(node.get("sort"), field + ".sort");
            if (errors.size() == errorsBefore) {
                variables.add(new EggVariable(name, description, env, defaultValue, viewable, editable, rules, sort));
            }
        }
        return variables;
    }

    private void checkEnvName(String env, String field) {
        if (!EnvironmentNames.LEGACY.matcher(env).matches()
                || (!settings.lowerCaseEnvNames() && !EnvironmentNames.isValid(env))) {
            error(field, "'" + env + "' is not a valid environment variable name: use upper-case letters, digits"
                    + " and underscores, not starting with a digit (e.g. SERVER_PORT)");
            return;
        }
        if (EnvironmentNames.isReserved(env)) {
            error(field, "'" + env + "' is reserved: the platform sets it itself (reserved names: "
                    + String.join(", ", EnvironmentNames.RESERVED.stream().sorted().toList()) + ")");
            return;
        }
        if (EnvironmentNames.DISCOURAGED.contains(env)) {
            warn(field, "'" + env + "' may clash with what the platform or the container runtime sets (Pelican"
                    + " reserves it and renames it SERVER_" + env + " on import); it is kept as written");
        }
        if (!EnvironmentNames.isValid(env)) {
            warn(field, "'" + env + "' has lower-case letters; it is kept as written, as Pterodactyl and Pelican"
                    + " do (the container sees it upper-cased: " + env.toUpperCase(Locale.ROOT) + ")");
            if (EnvironmentNames.clashesInContainer(env)) {
                warn(field, "'" + env + "' upper-cased is " + env.toUpperCase(Locale.ROOT)
                        + ", a name the platform reserves or discourages");
            }
        }
    }

    private RuleSet rules(@Nullable JsonNode node, String field) {
        RuleSet rules;
        if (isAbsent(node)) {
            rules = RuleSet.none();
        } else if (node.isArray()) {
            List<String> tokens = new ArrayList<>();
            int index = 0;
            for (JsonNode item : node.values()) {
                tokens.add(text(item, field + "[" + index++ + "]"));
            }
            rules = RuleSet.of(tokens);
        } else if (node.isObject()) {
            // A PHP array with gaps is exported as a JSON object; {} is an empty list.
            if (!node.isEmpty()) {
                warn(field, "is an object; its values are read in order as the rule list");
            }
            List<String> tokens = new ArrayList<>();
            node.properties().forEach(entry -> tokens.add(text(entry.getValue(), field + "." + entry.getKey())));
            rules = RuleSet.of(tokens);
        } else {
            rules = RuleSet.parse(text(node, field));
        }
        for (String problem : rules.problems()) {
            warn(field, problem);
        }
        return rules;
    }

    private @Nullable Integer sort(@Nullable JsonNode node, String field) {
        if (isAbsent(node)) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isString() && node.stringValue().strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(node.stringValue().strip());
        }
        warn(field, describe(node) + " is not a whole number and is ignored");
        return null;
    }

    /** Startup placeholders {@code {{NAME}}} that no variable and no platform value defines. */
    private void checkPlaceholders(List<StartupCommand> commands, List<EggVariable> variables) {
        Set<String> defined = new LinkedHashSet<>();
        variables.forEach(v -> defined.add(v.envVariable()));
        for (StartupCommand command : commands) {
            Set<String> undefined = new LinkedHashSet<>();
            Matcher matcher = PLACEHOLDER.matcher(command.command());
            while (matcher.find()) {
                String name = matcher.group(1);
                if (!defined.contains(name) && !EnvironmentNames.PROVIDED.contains(name)) {
                    undefined.add(name);
                }
            }
            String field = format == EggFormat.PLCN_V3 ? "startup_commands." + command.name() : "startup";
            for (String name : undefined) {
                warn(field, "refers to {{" + name + "}}, which no variable defines; it is left as written");
            }
        }
    }

    // ---- scalar helpers -----------------------------------------------------------------------

    private static boolean isAbsent(@Nullable JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** A scalar as text; absent is "", a number or boolean its literal, anything else an error. */
    private String text(@Nullable JsonNode node, String field) {
        String text = nullableText(node, field);
        return text == null ? "" : text;
    }

    private @Nullable String nullableText(@Nullable JsonNode node, String field) {
        if (isAbsent(node)) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asString();
        }
        error(field, "must be text, not " + describe(node));
        return null;
    }

    private String requiredText(@Nullable JsonNode node, String field) {
        String text = nullableText(node, field);
        if (text == null || text.isBlank()) {
            if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                error(field, "is required");
            }
            return "";
        }
        return text;
    }

    /** {@code true}/{@code false}, 0/1 (PTDL_v1) or their text. */
    private boolean flag(@Nullable JsonNode node, String field) {
        if (isAbsent(node)) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue().signum() != 0;
        }
        if (node.isString()) {
            switch (node.stringValue().strip().toLowerCase(Locale.ROOT)) {
                case "1", "true", "yes", "on" -> {
                    return true;
                }
                case "0", "false", "no", "off", "" -> {
                    return false;
                }
                default -> { }
            }
        }
        error(field, "must be true or false, not " + describe(node));
        return false;
    }

    /** Items of a list field; tolerates null, {} (YAML exports of an empty PHP array) and a bare text. */
    private List<String> textList(@Nullable JsonNode node, String field) {
        if (isAbsent(node)) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        if (node.isArray() || node.isObject()) {
            if (node.isObject() && !node.isEmpty()) {
                warn(field, "is a map; its values are read as the list");
            }
            int index = 0;
            for (JsonNode item : node.values()) {
                String text = text(item, field + "[" + index++ + "]");
                if (!text.isBlank()) {
                    items.add(text);
                }
            }
            return items;
        }
        if (node.isString()) {
            if (!node.stringValue().isBlank()) {
                warn(field, "is a single text, read as a one-item list");
                items.add(node.stringValue());
            }
            return items;
        }
        error(field, "must be a list, not " + describe(node));
        return items;
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isString()) {
            return "the text '" + abbreviate(node.stringValue()) + "'";
        }
        if (node.isNumber()) {
            return "the number " + node.asString();
        }
        if (node.isBoolean()) {
            return "the value " + node.asString();
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private void warn(String field, String message) {
        warnings.add(new ImportWarning(field, message));
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
