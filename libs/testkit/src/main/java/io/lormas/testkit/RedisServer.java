package io.lormas.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis: the machine's server on 127.0.0.1:6379 when it answers, otherwise an embedded redis-server
 * (a real binary) started once per JVM. Tests share it; keys carry unique ids, so runs do not collide.
 */
public final class RedisServer {

    private static final Logger log = LoggerFactory.getLogger(RedisServer.class);
    private static volatile RedisServer instance;

    private final String host;
    private final int port;

    private RedisServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static RedisServer get() {
        if (instance == null) {
            synchronized (RedisServer.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    private static RedisServer start() {
        String host = System.getenv().getOrDefault("LORMAS_TEST_REDIS_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("LORMAS_TEST_REDIS_PORT", "6379"));
        if (Ports.answers(host, port, 1000)) {
            log.info("tests use the Redis server at {}:{}", host, port);
            return new RedisServer(host, port);
        }
        int embeddedPort = Ports.free();
        try {
            redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
                    .bind("127.0.0.1").port(embeddedPort).setting("save \"\"").setting("appendonly no").build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException e) {
                    log.debug("stopping embedded Redis: {}", e.toString());
                }
            }, "stop-embedded-redis"));
            log.info("tests use an embedded Redis on port {}", embeddedPort);
            return new RedisServer("127.0.0.1", embeddedPort);
        } catch (IOException e) {
            throw new UncheckedIOException("no Redis at " + host + ":" + port + " and the embedded one failed", e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
