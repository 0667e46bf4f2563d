package io.lormas.gateway.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * The web SPA's files from {@link SpaSettings#dir()}: a file when it exists, {@code index.html} for client-side
 * routes (paths whose last segment has no dot), a 404 problem otherwise. API prefixes are never answered with the
 * SPA, so an unknown API path stays a 404. Without a directory a small built-in page stands in for the SPA.
 * Asked only after the gateway's routes (see {@link WebConfiguration}).
 */
@Component
class SpaFiles {

    private static final Logger log = LoggerFactory.getLogger(SpaFiles.class);
    private static final List<String> RESERVED = List.of("/api/", "/agent/", "/actuator/", "/oauth2/", "/hooks/",
            "/.well-known/", "/connect/");
    static final Resource BUILT_IN = new ClassPathResource("io/lormas/gateway/web/spa-absent.html");
    /** Vite puts content-hashed files under assets/: they never change under the same name. */
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    /** A file to answer with and how long browsers may keep it. */
    record Served(Resource resource, CacheControl cache) {
    }

    private final @Nullable Path root;

    SpaFiles(SpaSettings settings) {
        this.root = rootOf(settings.dir());
    }

    private static @Nullable Path rootOf(@Nullable String dir) {
        if (dir == null || dir.isBlank()) {
            log.info("no SPA directory configured (LORMAS_SPA_DIR): serving the built-in page at /");
            return null;
        }
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            log.warn("SPA directory {} does not exist: serving the built-in page at /", path);
            return null;
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            log.warn("SPA directory {} is not readable: serving the built-in page at /", path);
            return null;
        }
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route(RequestPredicates.method(HttpMethod.GET).or(RequestPredicates.method(HttpMethod.HEAD)),
                request -> {
                    Served served = resolve(request.path());
                    if (served == null) {
                        return Mono.error(new ProblemException(Problem.notFound("nothing is served at " + request.path())));
                    }
                    return ServerResponse.ok().cacheControl(served.cache())
                            .body(BodyInserters.fromResource(served.resource()));
                });
    }

    /** What a GET of {@code rawPath} answers with, or null when nothing is served there. */
    @Nullable Served resolve(String rawPath) {
        if (RESERVED.stream().anyMatch(rawPath::startsWith)) {
            return null;
        }
        if (root == null) {
            return clientRoute(rawPath) ? new Served(BUILT_IN, CacheControl.noCache()) : null;
        }
        String relative = UriUtils.decode(rawPath, StandardCharsets.UTF_8).replaceFirst("^/+", "");
        if (relative.isEmpty()) {
            return index(root);
        }
        for (String segment : relative.split("/")) {
            if (segment.startsWith(".")) {
                // dotfiles (.env, .git) and traversal are never served
                return null;
            }
        }
        try {
            Path file = root.resolve(relative).normalize();
            if (file.startsWith(root) && Files.isRegularFile(file)) {
                Path real = file.toRealPath();
                if (real.startsWith(root)) {
                    return new Served(new FileSystemResource(real),
                            relative.startsWith("assets/") ? IMMUTABLE : CacheControl.noCache());
                }
                return null;
            }
        } catch (InvalidPathException | IOException e) {
            return null;
        }
        return clientRoute(rawPath) ? index(root) : null;
    }

    private static @Nullable Served index(Path root) {
        Path index = root.resolve("index.html");
        return Files.isRegularFile(index) ? new Served(new FileSystemResource(index), CacheControl.noCache()) : null;
    }

    private static boolean clientRoute(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
