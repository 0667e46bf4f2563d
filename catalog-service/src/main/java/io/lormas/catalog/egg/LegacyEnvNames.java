package io.lormas.catalog.egg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import io.lormas.eggs.ConfigFile;
import io.lormas.eggs.Egg;
import io.lormas.eggs.EggVariable;
import io.lormas.eggs.EnvironmentNames;
import io.lormas.eggs.FindValue;
import io.lormas.eggs.StartupCommand;
import io.lormas.eggs.format.ImportWarning;
import io.lormas.eggs.format.ImportedEgg;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * Upper-cases the lower-case environment names of legacy eggs ({@code hostname}, {@code srv_name}): in the variable
 * and in every {@code {{name}}}, {@code {{env.name}}}, {@code {{server.build.env.name}}} and
 * {@code {{server.environment.name}}} placeholder of the startup commands and config-file replacements, with a
 * warning naming each. Afterwards every name matches {@code [A-Z_][A-Z0-9_]*}, which deploy-service and the agent
 * rely on. A name whose upper-case form is reserved or already used by another variable is refused (422). See
 * docs/adr (upper-casing legacy environment names).
 */
final class LegacyEnvNames {

    /** The egg to store and the warnings to answer with. */
    record Outcome(Egg egg, List<ImportWarning> warnings) {
    }

    private LegacyEnvNames() {
    }

    static Outcome upperCase(ImportedEgg imported) {
        Egg egg = imported.egg();
        SequencedMap<String, String> renames = new LinkedHashMap<>();
        for (EggVariable variable : egg.variables()) {
            if (!EnvironmentNames.isValid(variable.envVariable())) {
                renames.put(variable.envVariable(), variable.envVariable().toUpperCase(Locale.ROOT));
            }
        }
        if (renames.isEmpty()) {
            return new Outcome(egg, imported.warnings());
        }
        refuseClashes(egg, renames);

        List<EggVariable> variables = egg.variables().stream()
                .map(v -> renames.containsKey(v.envVariable()) ? rename(v, renames.get(v.envVariable())) : v)
                .toList();
        int[] placeholders = new int[1];
        List<StartupCommand> commands = egg.startupCommands().stream()
                .map(c -> new StartupCommand(c.name(), replace(c.command(), renames, placeholders)))
                .toList();
        List<ConfigFile> files = egg.configFiles().stream()
                .map(f -> new ConfigFile(f.path(), f.parser(), replace(f.find(), renames, placeholders)))
                .toList();
        Egg renamed = new Egg(egg.uuid(), egg.name(), egg.author(), egg.description(), egg.updateUrl(), commands,
                egg.dockerImages(), egg.stop(), egg.startupDone(), files, egg.installScript(), egg.features(),
                egg.fileDenylist(), variables, egg.tags(), egg.icon());

        List<ImportWarning> warnings = new ArrayList<>();
        for (ImportWarning warning : imported.warnings()) {
            if (!replacedByOurs(warning, renames)) {
                warnings.add(warning);
            }
        }
        String script = egg.installScript().script();
        renames.forEach((name, upper) -> {
            String field = "variables." + name + ".env_variable";
            warnings.add(new ImportWarning(field, "'" + name + "' has lower-case letters: it is stored as " + upper
                    + ", and {{" + name + "}} placeholders of startup commands and config files are rewritten to match"));
            if (EnvironmentNames.DISCOURAGED.contains(upper)) {
                warnings.add(new ImportWarning(field, "'" + upper + "' may clash with what the platform or the container"
                        + " runtime sets (Pelican reserves it); it is kept"));
            }
            if (Pattern.compile("\\$\\{?" + Pattern.quote(name) + "\\b").matcher(script).find()) {
                warnings.add(new ImportWarning("scripts.installation.script", "refers to $" + name
                        + ", but the install container receives " + upper + " (as with Wings): the script may need $"
                        + upper));
            }
        });
        if (placeholders[0] > 0) {
            warnings.add(new ImportWarning("variables", placeholders[0] + (placeholders[0] == 1 ? " placeholder was"
                    : " placeholders were") + " rewritten to the upper-case environment names"));
        }
        return new Outcome(renamed, warnings);
    }

    private static void refuseClashes(Egg egg, Map<String, String> renames) {
        Set<String> kept = new HashSet<>();
        egg.variables().stream().map(EggVariable::envVariable).filter(n -> !renames.containsKey(n)).forEach(kept::add);
        List<FieldViolation> errors = new ArrayList<>();
        Set<String> taken = new HashSet<>(kept);
        renames.forEach((name, upper) -> {
            String field = "variables." + name + ".env_variable";
            if (EnvironmentNames.isReserved(upper)) {
                errors.add(new FieldViolation(field, "'" + name + "' becomes " + upper + ", which is reserved: the"
                        + " platform sets it itself (reserved names: "
                        + String.join(", ", EnvironmentNames.RESERVED.stream().sorted().toList()) + ")"));
            } else if (!taken.add(upper)) {
                errors.add(new FieldViolation(field, "'" + name + "' becomes " + upper
                        + ", which another variable of this egg already uses"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-egg", "Invalid egg",
                    "The egg cannot be imported: environment names are stored upper-case, and "
                            + String.join("; ", errors.stream().map(FieldViolation::message).toList()) + ".",
                    errors, Map.of(), null);
        }
    }

    private static EggVariable rename(EggVariable v, String upper) {
        return new EggVariable(v.name(), v.description(), upper, v.defaultValue(), v.userViewable(), v.userEditable(),
                v.rules(), v.sort());
    }

    private static String replace(String text, Map<String, String> renames, int[] count) {
        String result = text;
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            Matcher matcher = placeholder(rename.getKey()).matcher(result);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                count[0]++;
                matcher.appendReplacement(out, Matcher.quoteReplacement(
                        "{{" + matcher.group(1) + rename.getValue() + matcher.group(2)));
            }
            matcher.appendTail(out);
            result = out.toString();
        }
        return result;
    }

    private static SequencedMap<String, FindValue> replace(SequencedMap<String, FindValue> find,
            Map<String, String> renames, int[] count) {
        SequencedMap<String, FindValue> result = new LinkedHashMap<>();
        find.forEach((key, value) -> result.put(key, replace(value, renames, count)));
        return result;
    }

    private static FindValue replace(FindValue value, Map<String, String> renames, int[] count) {
        return switch (value) {
            case FindValue.Text text -> new FindValue.Text(replace(text.value(), renames, count));
            case FindValue.Items items -> new FindValue.Items(items.values().stream()
                    .map(item -> replace(item, renames, count)).toList());
            case FindValue.Conditional conditional -> new FindValue.Conditional(replace(conditional.cases(), renames,
                    count));
            default -> value;
        };
    }

    /** {@code {{ name }}} with an optional {@code env.}, {@code server.build.env.} or {@code server.environment.} prefix. */
    private static Pattern placeholder(String name) {
        return Pattern.compile("\\{\\{(\\s*(?:env\\.|server\\.build\\.env\\.|server\\.environment\\.)?)"
                + Pattern.quote(name) + "(\\s*}})");
    }

    /** The reader's notes about lower-case names say "kept as written": ours replace them. */
    private static boolean replacedByOurs(ImportWarning warning, Map<String, String> renames) {
        for (String name : renames.keySet()) {
            if (warning.field().equals("variables." + name + ".env_variable")
                    && (warning.message().startsWith("'" + name + "' has lower-case letters")
                            || warning.message().startsWith("'" + name + "' upper-cased is "))) {
                return true;
            }
        }
        return false;
    }
}
