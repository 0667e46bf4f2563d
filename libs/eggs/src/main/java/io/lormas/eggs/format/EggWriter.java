package io.lormas.eggs.format;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.lormas.eggs.ConfigFile;
import io.lormas.eggs.Egg;
import io.lormas.eggs.EggVariable;
import io.lormas.eggs.FindValue;
import io.lormas.eggs.StartupCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an {@link Egg} as PTDL_v2 JSON (what Pterodactyl imports) or PLCN_v3 JSON or YAML (what
 * Pelican exports and imports). Thread-safe.
 *
 * <p>Reading the output with {@link EggReader} gives back {@link #representable(Egg, EggFormat)}:
 * PLCN_v3 keeps everything; PTDL_v2 keeps only the first startup command (renamed "Default") and
 * drops the icon. Neither keeps what the model does not hold: {@code config.logs} (written as
 * {@code {}}), {@code config.startup.userInteraction}, {@code field_type} (always "text"), the
 * spelling of parsers ({@code yml} is written {@code yaml}), the JSON type of defaults (always
 * text) and the original {@code exported_at}.
 */
public final class EggWriter {

    private static final DateTimeFormatter ATOM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final String COMMENT = "DO NOT EDIT: FILE GENERATED AUTOMATICALLY BY LORMAS";

    private final Clock clock;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public EggWriter() {
        this(Clock.systemUTC());
    }

    /** @param clock gives {@code exported_at} */
    public EggWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether this writer can produce the combination: PTDL_v2 as JSON, PLCN_v3 as JSON or YAML. */
    public static boolean supports(EggFormat format, Syntax syntax) {
        return (format == EggFormat.PTDL_V2 && syntax == Syntax.JSON) || format == EggFormat.PLCN_V3;
    }

    /**
     * The egg as it reads back from {@code format}: what that format cannot express removed.
     *
     * @throws IllegalArgumentException for a format this writer does not write
     */
    public static Egg representable(Egg egg, EggFormat format) {
        return switch (format) {
            case PLCN_V3 -> egg;
            case PTDL_V2 -> egg
                    .withStartupCommands(List.of(new StartupCommand(StartupCommand.DEFAULT_NAME, egg.startup())))
                    .withIcon(null);
            default -> throw unsupported(format, Syntax.JSON);
        };
    }

    /**
     * Writes the egg.
     *
     * @throws IllegalArgumentException when {@link #supports} is false for the combination
     */
    public String write(Egg egg, EggFormat format, Syntax syntax) {
        Objects.requireNonNull(egg, "egg");
        if (!supports(format, syntax)) {
            throw unsupported(format, syntax);
        }
        ObjectNode tree = format == EggFormat.PTDL_V2 ? ptdlV2(egg) : plcnV3(egg, syntax);
        String text = syntax == Syntax.JSON ? Codecs.JSON.writeValueAsString(tree) : Codecs.YAML.writeValueAsString(tree);
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static IllegalArgumentException unsupported(EggFormat format, Syntax syntax) {
        return new IllegalArgumentException("cannot write " + format.id() + " as " + syntax
                + "; supported: PTDL_v2 as JSON, PLCN_v3 as JSON or YAML");
    }

    private ObjectNode ptdlV2(Egg egg) {
        ObjectNode tree = header(egg, EggFormat.PTDL_V2);
        if (egg.uuid() != null) {
            tree.put("uuid", egg.uuid().toString()); // as early Pelican wrote PTDL_v2: keeps the identity
        }
        tree.put("description", egg.description());
        if (!egg.tags().isEmpty()) {
            tree.set("tags", texts(egg.tags()));
        }
        tree.set("features", texts(egg.features()));
        tree.set("docker_images", dockerImages(egg));
        tree.set("file_denylist", texts(egg.fileDenylist()));
        tree.put("startup", egg.startup());
        tree.set("config", config(egg, true));
        tree.set("scripts", scripts(egg));
        ArrayNode variables = tree.putArray("variables");
        for (EggVariable variable : egg.variables()) {
            ObjectNode node = variable(variable);
            node.put("rules", variable.rules().text());
            node.put("field_type", "text");
            variables.add(node);
        }
        return tree;
    }

    private ObjectNode plcnV3(Egg egg, Syntax syntax) {
        ObjectNode tree = header(egg, EggFormat.PLCN_V3);
        if (egg.uuid() != null) {
            tree.put("uuid", egg.uuid().toString());
        }
        tree.put("description", egg.description());
        tree.put("icon", egg.icon());
        tree.set("tags", texts(egg.tags()));
        tree.set("features", texts(egg.features()));
        tree.set("docker_images", dockerImages(egg));
        tree.set("file_denylist", texts(egg.fileDenylist()));
        ObjectNode startup = tree.putObject("startup_commands");
        egg.startupCommands().forEach(command -> startup.put(command.name(), command.command()));
        // Pelican writes config parts as JSON text in JSON and as maps in YAML.
        tree.set("config", config(egg, syntax == Syntax.JSON));
        tree.set("scripts", scripts(egg));
        ArrayNode variables = tree.putArray("variables");
        for (EggVariable variable : egg.variables()) {
            ObjectNode node = variable(variable);
            node.set("rules", texts(variable.rules().tokens()));
            variables.add(node);
        }
        return tree;
    }

    private ObjectNode header(Egg egg, EggFormat format) {
        ObjectNode tree = nodes.objectNode();
        tree.put("_comment", COMMENT);
        ObjectNode meta = tree.putObject("meta");
        meta.put("version", format.id());
        meta.put("update_url", egg.updateUrl());
        tree.put("exported_at", OffsetDateTime.now(clock).format(ATOM));
        tree.put("name", egg.name());
        tree.put("author", egg.author());
        return tree;
    }

    private ObjectNode dockerImages(Egg egg) {
        ObjectNode images = nodes.objectNode();
        egg.dockerImages().forEach(image -> images.put(image.label(), image.image()));
        return images;
    }

    private ObjectNode config(Egg egg, boolean asJsonText) {
        ObjectNode files = nodes.objectNode();
        for (ConfigFile file : egg.configFiles()) {
            ObjectNode entry = files.putObject(file.path());
            entry.put("parser", file.parser().id());
            ObjectNode find = entry.putObject("find");
            file.find().forEach((key, value) -> find.set(key, findValue(value)));
        }
        ObjectNode startup = nodes.objectNode();
        if (egg.startupDone().size() == 1) {
            startup.put("done", egg.startupDone().getFirst());
        } else if (!egg.startupDone().isEmpty()) {
            startup.set("done", texts(egg.startupDone()));
        }
        ObjectNode config = nodes.objectNode();
        config.set("files", asJsonText ? jsonText(files) : files);
        config.set("startup", asJsonText ? jsonText(startup) : startup);
        config.set("logs", asJsonText ? nodes.stringNode("{}") : nodes.objectNode());
        config.put("stop", egg.stop().notation());
        return config;
    }

    private JsonNode jsonText(ObjectNode node) {
        return nodes.stringNode(node.isEmpty() ? "{}" : Codecs.JSON.writeValueAsString(node));
    }

    private JsonNode findValue(FindValue value) {
        return switch (value) {
            case FindValue.Text text -> nodes.stringNode(text.value());
            case FindValue.Number number -> nodes.numberNode(number.value());
            case FindValue.Flag flag -> nodes.booleanNode(flag.value());
            case FindValue.Null ignored -> nodes.nullNode();
            case FindValue.Items items -> {
                ArrayNode array = nodes.arrayNode();
                items.values().forEach(item -> array.add(findValue(item)));
                yield array;
            }
            case FindValue.Conditional conditional -> {
                ObjectNode object = nodes.objectNode();
                for (Map.Entry<String, FindValue> entry : conditional.cases().entrySet()) {
                    object.set(entry.getKey(), findValue(entry.getValue()));
                }
                yield object;
            }
        };
    }

    private ObjectNode scripts(Egg egg) {
        ObjectNode scripts = nodes.objectNode();
        ObjectNode installation = scripts.putObject("installation");
        installation.put("script", egg.installScript().script());
        installation.put("container", egg.installScript().container());
        installation.put("entrypoint", egg.installScript().entrypoint());
        return scripts;
    }

    private ObjectNode variable(EggVariable variable) {
        ObjectNode node = nodes.objectNode();
        node.put("name", variable.name());
        node.put("description", variable.description());
        node.put("env_variable", variable.envVariable());
        node.put("default_value", variable.defaultValue());
        node.put("user_viewable", variable.userViewable());
        node.put("user_editable", variable.userEditable());
        if (variable.sort() != null) {
            node.put("sort", variable.sort().intValue());
        }
        return node;
    }

    private ArrayNode texts(List<String> items) {
        ArrayNode array = nodes.arrayNode();
        items.forEach(array::add);
        return array;
    }
}
