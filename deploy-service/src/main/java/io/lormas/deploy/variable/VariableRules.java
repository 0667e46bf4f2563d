package io.lormas.deploy.variable;

import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.lormas.contracts.catalog.EggDefinition;
import io.lormas.deploy.egg.EggVersion;
import io.lormas.eggs.Editor;
import io.lormas.eggs.EggVariable;
import io.lormas.eggs.VariableValidation;
import io.lormas.eggs.VariableValidator;
import io.lormas.eggs.rules.RuleSet;

/**
 * Validates a server's variables with libs/eggs, the same rule engine catalog-service uses, so a value accepted
 * there is accepted here and refused with the same words. Validators are kept per egg version (versions never
 * change once published, and parsing rules with regular expressions is not free).
 */
@Component
public class VariableRules {

    private final Map<String, VariableValidator> validators = new ConcurrentHashMap<>();

    /**
     * The outcome: every egg variable's effective value (given, else current, else default) or the refusals.
     *
     * @param errors messages per variable name, in the egg's order
     */
    public record Outcome(SequencedMap<String, String> environment, Map<String, List<String>> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * @param requested values sent, by environment name
     * @param current the server's present values (empty for a new server)
     * @param admin admins may set variables users may not edit
     */
    public Outcome validate(EggVersion egg, Map<String, String> requested, Map<String, String> current, boolean admin) {
        VariableValidation validation = validator(egg).validate(requested, current, admin ? Editor.ADMIN : Editor.USER);
        return new Outcome(validation.environment(), validation.messagesByVariable());
    }

    /** The variables a caller may see: users only user-viewable ones. */
    public SequencedMap<String, String> visible(EggVersion egg, Map<String, String> environment, boolean admin) {
        return validator(egg).visible(environment, admin ? Editor.ADMIN : Editor.USER);
    }

    private VariableValidator validator(EggVersion egg) {
        return validators.computeIfAbsent(egg.eggId() + ":" + egg.version(),
                key -> new VariableValidator(egg.definition().variables().stream().map(VariableRules::variable).toList()));
    }

    private static EggVariable variable(EggDefinition.Variable variable) {
        return new EggVariable(variable.name(), variable.description() == null ? "" : variable.description(),
                variable.envName(), variable.defaultValue() == null ? "" : variable.defaultValue(),
                variable.userViewable(), variable.userEditable(), RuleSet.parse(variable.rules() == null ? ""
                        : variable.rules()), null);
    }
}
