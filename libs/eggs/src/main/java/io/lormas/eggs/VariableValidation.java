package io.lormas.eggs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The outcome of validating a server's variables.
 *
 * @param environment every variable of the egg with its effective value (given, else current, else
 *                    the default), in the egg's order; meaningful only when {@link #isValid()}
 * @param errors      every refusal, in the egg's order of variables
 */
public record VariableValidation(SequencedMap<String, String> environment, List<VariableError> errors) {

    public VariableValidation {
        environment = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(environment));
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Error messages grouped by environment name, for a per-variable answer. */
    public Map<String, List<String>> messagesByVariable() {
        var messages = new LinkedHashMap<String, List<String>>();
        for (VariableError error : errors) {
            messages.computeIfAbsent(error.envVariable(), name -> new ArrayList<>()).add(error.message());
        }
        messages.replaceAll((name, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(messages);
    }
}
