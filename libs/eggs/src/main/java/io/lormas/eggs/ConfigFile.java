package io.lormas.eggs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * A file the agent edits before start: {@code path} relative to the server root, parsed with
 * {@code parser}, each {@code find} key (a property, a dotted/array path such as {@code
 * servers[0].port}, or a line prefix for {@link ConfigParser#FILE}) set to its value, in order.
 */
public record ConfigFile(String path, ConfigParser parser, SequencedMap<String, FindValue> find) {

    public ConfigFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(parser, "parser");
        find = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(find));
    }
}
