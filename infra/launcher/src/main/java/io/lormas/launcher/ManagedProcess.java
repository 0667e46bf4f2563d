package io.lormas.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * One child process of the platform: started with its output appended to {@code logs/<name>.log}, its pid in
 * {@code run/<name>.pid}, considered ready when its health URL answers 200 (or, without one, when a line of its
 * log says so), stopped with SIGTERM and, after a grace period, killed.
 */
final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final @Nullable String healthUrl;
    private final Path log;
    private final Path pidFile;
    private @Nullable Process process;
    private long logOffset;

    ManagedProcess(String name, List<String> command, Map<String, String> environment, @Nullable String healthUrl,
            LauncherSettings settings) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.healthUrl = healthUrl;
        this.log = settings.logs().resolve(name + ".log");
        this.pidFile = settings.run().resolve(name + ".pid");
    }

    void start(Path workingDirectory) {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until healthy; fails naming the log when the process exits or the time is up. */
    void awaitReady(Duration timeout, String readyLine) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Process running = process;
            if (running == null || !running.isAlive()) {
                throw new LaunchException(name + " exited during start (exit code "
                        + (running == null ? "?" : running.exitValue()) + "); see " + log);
            }
            if (healthUrl != null ? healthy() : logContains(readyLine)) {
                return;
            }
            sleep(250);
        }
        throw new LaunchException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    boolean healthy() {
        if (healthUrl == null) {
            return process != null && process.isAlive();
        }
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(healthUrl))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean logContains(String text) {
        return logSinceStart().contains(text);
    }

    /** What the process wrote to its log since this start (earlier runs append to the same file). */
    String logSinceStart() {
        try (var channel = Files.newByteChannel(log)) {
            channel.position(logOffset);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8,
                    Math.max(0, channel.size() - logOffset)));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read until full
            }
            return new String(buffer.array(), 0, buffer.position(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, then SIGKILL after the grace period; removes the pid file. */
    void stop(Duration grace) {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    running.descendants().forEach(ProcessHandle::destroyForcibly);
                    running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                running.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a stale pid file is detected by the next start (the pid is not alive)
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }
}
