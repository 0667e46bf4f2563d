package io.lormas.agent.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.lormas.agent.config.StateDirectory;
import io.lormas.agent.runtime.ContainerRuntime;
import io.lormas.contracts.agent.BuildSpec;
import io.lormas.contracts.agent.Command;
import jakarta.inject.Singleton;

/**
 * Builds an image on the node from a build context (a tar archive) the control plane makes downloadable,
 * e.g. a pre-signed URL. The archive is fetched to the state directory (size-capped), handed to the engine and
 * deleted; the result carries the image id and the build's last lines.
 */
@Singleton
final class ImageBuilder {

    /** Build contexts larger than this are refused. */
    static final long MAX_CONTEXT_BYTES = 1024L * 1024 * 1024;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._/-]{0,200}(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?");
    private static final int LAST_LINES = 30;

    private final ContainerRuntime runtime;
    private final NodeIdentity node;
    private final StateDirectory state;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    ImageBuilder(ContainerRuntime runtime, NodeIdentity node, StateDirectory state) {
        this.runtime = runtime;
        this.node = node;
        this.state = state;
    }

    Map<String, Object> build(Command command) {
        BuildSpec build = command.build();
        if (build == null) {
            throw new CommandFailure("invalid_command", "'build' is required");
        }
        URI context = URI.create(build.contextUrl());
        if (!"https".equals(context.getScheme()) && !"http".equals(context.getScheme())) {
            throw new CommandFailure("invalid_command", "build.contextUrl must be an http(s) URL");
        }
        if (!TAG.matcher(build.imageTag()).matches()) {
            throw new CommandFailure("invalid_command", "build.imageTag '" + build.imageTag() + "' is not an image reference");
        }
        if (build.dockerfile() != null && DataDirectories.componentsOf(build.dockerfile()).isEmpty()) {
            throw new CommandFailure("invalid_command", "build.dockerfile names no file");
        }
        Path archive = state.directory("builds").resolve(command.id().replaceAll("[^A-Za-z0-9_-]", "_") + ".tar");
        try {
            download(context, archive);
            ArrayDeque<String> lastLines = new ArrayDeque<>();
            String imageId;
            try (InputStream in = Files.newInputStream(archive)) {
                imageId = runtime.build(in, build.dockerfile(), build.imageTag(), build.buildArgs(),
                        ServerContainers.managedBy(node.nodeId()), line -> {
                            synchronized (lastLines) {
                                lastLines.add(line);
                                if (lastLines.size() > LAST_LINES) {
                                    lastLines.poll();
                                }
                            }
                        });
            }
            List<String> tail;
            synchronized (lastLines) {
                tail = List.copyOf(lastLines);
            }
            return Map.of("imageId", imageId, "imageTag", build.imageTag(), "lastLines", tail);
        } catch (IOException e) {
            throw new CommandFailure("build_failed", "reading the build context failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(archive);
            } catch (IOException ignored) {
                // removed with the next build of the same id
            }
        }
    }

    private void download(URI context, Path archive) {
        HttpRequest request = HttpRequest.newBuilder(context).timeout(Duration.ofMinutes(10)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new CommandFailure("build_failed",
                            "downloading the build context answered HTTP " + response.statusCode());
                }
                try (OutputStream out = Files.newOutputStream(archive)) {
                    byte[] buffer = new byte[64 * 1024];
                    long total = 0;
                    for (int n; (n = body.read(buffer)) > 0; ) {
                        total += n;
                        if (total > MAX_CONTEXT_BYTES) {
                            throw new CommandFailure("build_failed", "the build context is larger than "
                                    + MAX_CONTEXT_BYTES / (1024 * 1024) + " MiB");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            throw new CommandFailure("build_failed", "downloading the build context failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("build_failed", "downloading the build context was interrupted");
        }
    }
}
