package io.lormas.eggs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the agent edits a configuration file of a server before it starts. */
public enum ConfigParser {
    PROPERTIES("properties"),
    YAML("yaml"),
    JSON("json"),
    INI("ini"),
    XML("xml"),
    /** Plain text: each find key is the start of a line to replace. */
    FILE("file");

    private final String id;

    ConfigParser(String id) {
        this.id = id;
    }

    /** The name eggs use ({@code "properties"}, {@code "yaml"}...). */
    public String id() {
        return id;
    }

    /** Reads an egg's parser name; {@code yml} (used by a few eggs, accepted by Wings) means {@link #YAML}. */
    public static Optional<ConfigParser> fromId(String id) {
        String normalised = id.strip().toLowerCase(Locale.ROOT);
        if (normalised.equals("yml")) {
            return Optional.of(YAML);
        }
        return Arrays.stream(values()).filter(p -> p.id.equals(normalised)).findFirst();
    }
}
