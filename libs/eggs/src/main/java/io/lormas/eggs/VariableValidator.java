package io.lormas.eggs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.Set;
import java.util.stream.Collectors;

import io.lormas.eggs.rules.Violation;

/**
 * Validates the environment of a server against its egg's variables: the one place where
 * catalog-service (validate endpoint) and deploy-service (server creation and updates) decide
 * whether values are acceptable. Thread-safe and reusable.
 *
 * <p>For each variable the effective value is the requested one, else the server's current one,
 * else the default, and it must meet the variable's rules. A user ({@link Editor#USER}) may not
 * change a variable that is not user-editable: sending its current value again is accepted,
 * anything else is refused. A name the egg does not define is refused. A {@code null} in the
 * requested map means "not given".
 */
public final class VariableValidator {

    private final List<EggVariable> variables;
    private final Set<String> names;

    public VariableValidator(List<EggVariable> variables) {
        this.variables = List.copyOf(variables);
        this.names = this.variables.stream().map(EggVariable::envVariable).collect(Collectors.toUnmodifiableSet());
    }

    public static VariableValidator of(Egg egg) {
        return new VariableValidator(egg.variables());
    }

    /** Validates the variables of a new server. */
    public VariableValidation validate(Map<String, String> requested, Editor editor) {
        return validate(requested, Map.of(), editor);
    }

    /**
     * Validates a change of a server's variables.
     *
     * @param requested the values sent, by environment name
     * @param current   the server's present values (empty for a new server)
     */
    public VariableValidation validate(Map<String, String> requested, Map<String, String> current, Editor editor) {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(editor, "editor");
        SequencedMap<String, String> environment = new LinkedHashMap<>();
        List<VariableError> errors = new ArrayList<>();
        for (EggVariable variable : variables) {
            String name = variable.envVariable();
            String base = current.get(name) != null ? current.get(name) : variable.defaultValue();
            String given = requested.get(name);
            if (given != null && editor == Editor.USER && !variable.userEditable() && !given.equals(base)) {
                errors.add(new VariableError(name, VariableError.Kind.READ_ONLY, null, variable.userViewable()
                        ? variable.label() + " cannot be changed: it is not user-editable."
                        : name + " cannot be set."));
                environment.put(name, base);
                continue;
            }
            String value = given != null ? given : base;
            environment.put(name, value);
            for (Violation violation : variable.check(value)) {
                errors.add(new VariableError(name, VariableError.Kind.RULE, violation.rule(),
                        violation.describe(variable.label())));
            }
        }
        for (String name : requested.keySet()) {
            if (!names.contains(name)) {
                errors.add(new VariableError(name, VariableError.Kind.UNKNOWN_VARIABLE, null,
                        name + " is not a variable of this egg."));
            }
        }
        return new VariableValidation(environment, errors);
    }

    /** The part of an environment the editor may see: users only see user-viewable variables. */
    public SequencedMap<String, String> visible(Map<String, String> environment, Editor editor) {
        SequencedMap<String, String> shown = new LinkedHashMap<>();
        for (EggVariable variable : variables) {
            String value = environment.get(variable.envVariable());
            if (value != null && (editor == Editor.ADMIN || variable.userViewable())) {
                shown.put(variable.envVariable(), value);
            }
        }
        return Collections.unmodifiableSequencedMap(shown);
    }
}
