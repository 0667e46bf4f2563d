package io.lormas.eggs;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * The replacement of one {@code find} entry of a config file, keeping the JSON type the egg used
 * (Wings writes numbers and booleans unquoted). Text may hold placeholders such as
 * {@code {{server.build.default.port}}} or {@code {{server.build.env.MAX_PLAYERS}}}, kept verbatim.
 */
public sealed interface FindValue {

    record Text(String value) implements FindValue {
        public Text { Objects.requireNonNull(value); }
    }

    record Number(BigDecimal value) implements FindValue {
        public Number { Objects.requireNonNull(value); }
    }

    record Flag(boolean value) implements FindValue { }

    record Null() implements FindValue { }

    record Items(List<FindValue> values) implements FindValue {
        public Items { values = List.copyOf(values); }
    }

    /**
     * A conditional replacement: the current value in the file is matched against each key (a
     * literal, {@code *}, or {@code regex:...}) and the first match is replaced by its value.
     */
    record Conditional(SequencedMap<String, FindValue> cases) implements FindValue {
        public Conditional { cases = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(cases)); }
    }
}
