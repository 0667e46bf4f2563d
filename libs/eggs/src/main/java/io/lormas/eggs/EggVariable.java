package io.lormas.eggs;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.lormas.eggs.rules.RuleSet;
import io.lormas.eggs.rules.Violation;

/**
 * A variable of an egg, passed to the server as the environment variable {@code envVariable}.
 *
 * @param defaultValue  the value when none is given; numbers and booleans of YAML eggs are read as text
 * @param userViewable  whether the server's owner sees the variable
 * @param userEditable  whether the server's owner may change it (admins always may)
 * @param rules         the Laravel rules, parsed and as written
 * @param sort          display order when the egg gives one (Pelican), else null
 */
public record EggVariable(
        String name,
        String description,
        String envVariable,
        String defaultValue,
        boolean userViewable,
        boolean userEditable,
        RuleSet rules,
        @Nullable Integer sort) {

    public EggVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(envVariable, "envVariable");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(rules, "rules");
    }

    /** How messages name the variable: {@code Server Port (SERVER_PORT)}. */
    public String label() {
        return name.isBlank() ? envVariable : name + " (" + envVariable + ")";
    }

    /** Checks a value against the rules; {@code null} means none given. */
    public List<Violation> check(@Nullable String value) {
        return rules.check(value);
    }
}
