package io.lormas.eggs;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A server template, whatever format it was read from (see {@code io.lormas.eggs.format}).
 *
 * @param uuid            the egg's identity across panels when the file has one (Pelican; PTDL_v2
 *                        exported by Pelican), else null
 * @param updateUrl       {@code meta.update_url}: where a newer version of this file can be fetched
 * @param startupCommands at least one; the first is the default
 * @param dockerImages    at least one, in the egg's order; labels are unique
 * @param stop            how the server is asked to stop
 * @param startupDone     console output that means "started" (a {@code regex:} prefix makes it a pattern)
 * @param configFiles     files edited before start
 * @param features        panel features the egg asks for ({@code eula}, {@code java_version}...)
 * @param fileDenylist    paths users may not touch in the file manager
 * @param icon            the egg's picture as a {@code data:} URI (PLCN_v3), else null
 */
public record Egg(
        @Nullable UUID uuid,
        String name,
        String author,
        String description,
        @Nullable String updateUrl,
        List<StartupCommand> startupCommands,
        List<DockerImage> dockerImages,
        StopAction stop,
        List<String> startupDone,
        List<ConfigFile> configFiles,
        InstallScript installScript,
        List<String> features,
        List<String> fileDenylist,
        List<EggVariable> variables,
        List<String> tags,
        @Nullable String icon) {

    public Egg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(description, "description");
        startupCommands = List.copyOf(startupCommands);
        dockerImages = List.copyOf(dockerImages);
        Objects.requireNonNull(stop, "stop");
        startupDone = List.copyOf(startupDone);
        configFiles = List.copyOf(configFiles);
        Objects.requireNonNull(installScript, "installScript");
        features = List.copyOf(features);
        fileDenylist = List.copyOf(fileDenylist);
        variables = List.copyOf(variables);
        tags = List.copyOf(tags);
        if (startupCommands.isEmpty()) {
            throw new IllegalArgumentException("an egg needs a startup command");
        }
        if (dockerImages.isEmpty()) {
            throw new IllegalArgumentException("an egg needs a Docker image");
        }
        requireUnique(startupCommands.stream().map(StartupCommand::name).toList(), "startup command name");
        requireUnique(dockerImages.stream().map(DockerImage::label).toList(), "Docker image label");
        requireUnique(configFiles.stream().map(ConfigFile::path).toList(), "config file path");
        requireUnique(variables.stream().map(EggVariable::envVariable).toList(), "variable");
    }

    private static void requireUnique(List<String> keys, String what) {
        var seen = new HashSet<String>();
        for (String key : keys) {
            if (!seen.add(key)) {
                throw new IllegalArgumentException("duplicate " + what + ": " + key);
            }
        }
    }

    /** The default startup command. */
    public String startup() {
        return startupCommands.getFirst().command();
    }

    /** The default Docker image. */
    public String defaultDockerImage() {
        return dockerImages.getFirst().image();
    }

    /** Docker images by label, in the egg's order. */
    public SequencedMap<String, String> dockerImagesByLabel() {
        var images = new LinkedHashMap<String, String>();
        dockerImages.forEach(image -> images.put(image.label(), image.image()));
        return Collections.unmodifiableSequencedMap(images);
    }

    public Optional<EggVariable> variable(String envVariable) {
        return variables.stream().filter(v -> v.envVariable().equals(envVariable)).findFirst();
    }

    public Egg withStartupCommands(List<StartupCommand> commands) {
        return new Egg(uuid, name, author, description, updateUrl, commands, dockerImages, stop, startupDone,
                configFiles, installScript, features, fileDenylist, variables, tags, icon);
    }

    public Egg withIcon(@Nullable String newIcon) {
        return new Egg(uuid, name, author, description, updateUrl, startupCommands, dockerImages, stop, startupDone,
                configFiles, installScript, features, fileDenylist, variables, tags, newIcon);
    }

    public Egg withUuid(@Nullable UUID newUuid) {
        return new Egg(newUuid, name, author, description, updateUrl, startupCommands, dockerImages, stop,
                startupDone, configFiles, installScript, features, fileDenylist, variables, tags, icon);
    }
}
