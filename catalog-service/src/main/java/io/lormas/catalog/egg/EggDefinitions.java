package io.lormas.catalog.egg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.lormas.contracts.catalog.EggDefinition;
import io.lormas.eggs.ConfigFile;
import io.lormas.eggs.Egg;
import io.lormas.eggs.EggVariable;
import io.lormas.eggs.FindValue;
import io.lormas.eggs.InstallScript;
import io.lormas.eggs.StopAction;

/** The egg as deploy-service receives it in {@code catalog.egg.published}: everything to install and run a server. */
public final class EggDefinitions {

    private EggDefinitions() {
    }

    static EggDefinition of(Egg egg, List<String> capabilities) {
        String stopSignal = egg.stop() instanceof StopAction.Signal signal ? signal.signalName() : null;
        String stopCommand = egg.stop() instanceof StopAction.Command command ? command.command() : null;
        InstallScript install = egg.installScript();
        return new EggDefinition(
                egg.startup(),
                egg.dockerImages().stream().map(i -> new EggDefinition.Image(i.label(), i.image())).toList(),
                stopSignal,
                stopCommand,
                egg.startupDone(),
                egg.configFiles().stream().map(EggDefinitions::configFile).toList(),
                install.script().isBlank() ? null
                        : new EggDefinition.Install(install.container(), install.entrypoint(), install.script()),
                egg.variables().stream().map(EggDefinitions::variable).toList(),
                egg.features(),
                egg.fileDenylist(),
                capabilities,
                egg.startupCommands().stream()
                        .map(c -> new EggDefinition.StartupCommand(c.name(), c.command())).toList());
    }

    private static EggDefinition.ConfigFile configFile(ConfigFile file) {
        Map<String, String> replace = new LinkedHashMap<>();
        Map<String, @Nullable Object> find = new LinkedHashMap<>();
        file.find().forEach((key, value) -> {
            String text = scalarText(value);
            if (text != null) {
                replace.put(key, text);
            }
            find.put(key, json(value));
        });
        return new EggDefinition.ConfigFile(file.path(), file.parser().id(), replace, find);
    }

    private static EggDefinition.Variable variable(EggVariable variable) {
        return new EggDefinition.Variable(variable.envVariable(), variable.name(), variable.description(),
                variable.defaultValue(), variable.userViewable(), variable.userEditable(), variable.rules().text(),
                variable.rules().tokens());
    }

    /** Text, number and boolean replacements as text; lists and conditionals have none. */
    private static @Nullable String scalarText(FindValue value) {
        return switch (value) {
            case FindValue.Text text -> text.value();
            case FindValue.Number number -> number.value().toPlainString();
            case FindValue.Flag flag -> Boolean.toString(flag.value());
            case FindValue.Null ignored -> "";
            case FindValue.Items ignored -> null;
            case FindValue.Conditional ignored -> null;
        };
    }

    /** The value as plain JSON data (String, BigDecimal, Boolean, null, List, Map), keeping the egg's types. */
    public static @Nullable Object json(FindValue value) {
        return switch (value) {
            case FindValue.Text text -> text.value();
            case FindValue.Number number -> number.value();
            case FindValue.Flag flag -> flag.value();
            case FindValue.Null ignored -> null;
            case FindValue.Items items -> {
                List<@Nullable Object> list = new ArrayList<>();
                items.values().forEach(item -> list.add(json(item)));
                yield list;
            }
            case FindValue.Conditional conditional -> {
                Map<String, @Nullable Object> cases = new LinkedHashMap<>();
                conditional.cases().forEach((match, replacement) -> cases.put(match, json(replacement)));
                yield cases;
            }
        };
    }
}
