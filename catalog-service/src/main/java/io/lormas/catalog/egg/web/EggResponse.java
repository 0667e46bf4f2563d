package io.lormas.catalog.egg.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.lormas.catalog.egg.EggDefinitions;
import io.lormas.catalog.egg.EggRow;
import io.lormas.catalog.egg.EggVersionRow;
import io.lormas.eggs.ConfigFile;
import io.lormas.eggs.Egg;
import io.lormas.eggs.EggVariable;
import io.lormas.eggs.StopAction;
import io.lormas.eggs.format.ImportWarning;

/**
 * An egg as the API shows it. Managers ({@code eggs.write}) see everything; everyone else sees what choosing an egg
 * and filling in a server's variables needs: no install script, no config edits, and only user-viewable variables
 * (a hidden variable's default may be an operator's secret). Fields a caller may not see are left out.
 *
 * @param warnings what the import of this version noted (managers) or of this file (import answers)
 * @param created import answers only: a new egg was made
 * @param changed import answers only: a new version was made (false: the file is the current version)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EggResponse(
        UUID id,
        UUID uuid,
        String name,
        String author,
        String description,
        @Nullable UUID nestId,
        int version,
        List<String> tags,
        @Nullable String updateUrl,
        String startup,
        List<StartupCommandView> startupCommands,
        List<ImageView> dockerImages,
        List<String> features,
        List<VariableView> variables,
        boolean hasIcon,
        @Nullable StopView stop,
        @Nullable List<String> startupDone,
        @Nullable List<ConfigFileView> configFiles,
        @Nullable InstallView install,
        @Nullable List<String> fileDenylist,
        @Nullable List<String> capabilities,
        @Nullable SourceView source,
        @Nullable List<ImportWarning> warnings,
        @Nullable Boolean created,
        @Nullable Boolean changed,
        Instant createdAt,
        Instant updatedAt) {

    record StartupCommandView(String name, String command) {
    }

    record ImageView(String label, String image) {
    }

    /** @param signal the POSIX signal for {@code type = signal} */
    record StopView(String type, String value, @Nullable String signal) {
    }

    record ConfigFileView(String path, String parser, Map<String, @Nullable Object> find) {
    }

    record InstallView(String container, String entrypoint, String script) {
    }

    /** @param rules the rule text ({@code required|integer}); {@code ruleTokens} the verbatim tokens */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VariableView(String name, String description, String envVariable, String defaultValue,
            boolean userViewable, boolean userEditable, String rules, List<String> ruleTokens, @Nullable Integer sort) {
    }

    /** The imported file this version came from; null fields for versions made by an edit. */
    record SourceView(@Nullable String format, @Nullable String syntax, @Nullable String sha256) {
    }

    static EggResponse of(EggRow head, EggVersionRow version, Egg egg, boolean manager,
            @Nullable List<ImportWarning> warnings, @Nullable Boolean created, @Nullable Boolean changed) {
        List<VariableView> variables = egg.variables().stream()
                .filter(v -> manager || v.userViewable())
                .map(EggResponse::variable)
                .toList();
        return new EggResponse(
                head.id(), head.uuid(), egg.name(), egg.author(), egg.description(), version.nestId(),
                version.version(), egg.tags(), egg.updateUrl(), egg.startup(),
                egg.startupCommands().stream().map(c -> new StartupCommandView(c.name(), c.command())).toList(),
                egg.dockerImages().stream().map(i -> new ImageView(i.label(), i.image())).toList(),
                egg.features(), variables, egg.icon() != null,
                manager ? stop(egg.stop()) : null,
                manager ? egg.startupDone() : null,
                manager ? egg.configFiles().stream().map(EggResponse::configFile).toList() : null,
                manager ? new InstallView(egg.installScript().container(), egg.installScript().entrypoint(),
                        egg.installScript().script()) : null,
                manager ? egg.fileDenylist() : null,
                manager ? version.capabilities() : null,
                manager ? new SourceView(version.sourceFormat(), version.sourceSyntax(), version.sourceSha256()) : null,
                warnings,
                created,
                changed,
                head.createdAt(),
                head.updatedAt());
    }

    private static VariableView variable(EggVariable v) {
        return new VariableView(v.name(), v.description(), v.envVariable(), v.defaultValue(), v.userViewable(),
                v.userEditable(), v.rules().text(), v.rules().tokens(), v.sort());
    }

    private static StopView stop(StopAction stop) {
        return switch (stop) {
            case StopAction.Signal signal -> new StopView("signal", signal.notation(), signal.signalName());
            case StopAction.Command command -> new StopView("command", command.command(), null);
        };
    }

    private static ConfigFileView configFile(ConfigFile file) {
        Map<String, @Nullable Object> find = new LinkedHashMap<>();
        file.find().forEach((key, value) -> find.put(key, EggDefinitions.json(value)));
        return new ConfigFileView(file.path(), file.parser().id(), find);
    }
}
