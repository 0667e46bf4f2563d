package io.lormas.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Everything the launcher reads from the environment.
 *
 * @param portBase services listen on base + 1 (identity) ... base + 7 ({@code LORMAS_PORT_BASE}, default 9000)
 * @param home where data, logs, pid files and generated secrets live ({@code LORMAS_HOME}, default {@code ./.lormas})
 * @param repository the checkout holding the built jars
 * @param externalPostgres {@code LORMAS_POSTGRES_URL} (e.g. {@code jdbc:postgresql://db:5432}); null = embedded
 * @param externalRedis {@code LORMAS_REDIS_URL} ({@code redis://host:port}); null = embedded
 * @param externalPulsar {@code LORMAS_PULSAR_URL} ({@code pulsar://host:6650}); null = the standalone broker
 */
public record LauncherSettings(
        Path home,
        Path repository,
        int gatewayPort,
        int portBase,
        int postgresPort,
        int redisPort,
        int pulsarPort,
        int pulsarWebPort,
        int bookkeeperPort,
        @Nullable String externalPostgres,
        String postgresUser,
        String postgresPassword,
        @Nullable String externalRedis,
        @Nullable String externalPulsar,
        @Nullable String dockerHost,
        String publicUrl,
        @Nullable String adminEmail,
        @Nullable String adminPassword) {

    public static LauncherSettings fromEnvironment(Map<String, String> env, Path repository) {
        Path home = Path.of(env.getOrDefault("LORMAS_HOME", repository.resolve(".lormas").toString())).toAbsolutePath()
                .normalize();
        int gatewayPort = port(env, "LORMAS_GATEWAY_PORT", 8080);
        return new LauncherSettings(home, repository, gatewayPort,
                port(env, "LORMAS_PORT_BASE", 9000),
                port(env, "LORMAS_PG_PORT", 15432),
                port(env, "LORMAS_REDIS_PORT", 16379),
                port(env, "LORMAS_PULSAR_PORT", 16650),
                port(env, "LORMAS_PULSAR_WEB_PORT", 16651),
                port(env, "LORMAS_BOOKKEEPER_PORT", 16652),
                blankToNull(env.get("LORMAS_POSTGRES_URL")),
                env.getOrDefault("LORMAS_POSTGRES_USER", "postgres"),
                env.getOrDefault("LORMAS_POSTGRES_PASSWORD", ""),
                blankToNull(env.get("LORMAS_REDIS_URL")),
                blankToNull(env.get("LORMAS_PULSAR_URL")),
                blankToNull(env.get("DOCKER_HOST")),
                env.getOrDefault("LORMAS_PUBLIC_URL", "http://localhost:" + gatewayPort),
                blankToNull(env.get("LORMAS_ADMIN_EMAIL")),
                blankToNull(env.get("LORMAS_ADMIN_PASSWORD")));
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }

    public String postgresBaseUrl() {
        return externalPostgres != null ? externalPostgres : "jdbc:postgresql://127.0.0.1:" + postgresPort;
    }

    public String redisHost() {
        return externalRedis != null ? java.net.URI.create(externalRedis).getHost() : "127.0.0.1";
    }

    public int redisPortToUse() {
        return externalRedis != null ? java.net.URI.create(externalRedis).getPort() : redisPort;
    }

    public String pulsarUrl() {
        return externalPulsar != null ? externalPulsar : "pulsar://127.0.0.1:" + pulsarPort;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new LaunchException(name + " must be a port number (1-65535), was '" + value + "'");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
