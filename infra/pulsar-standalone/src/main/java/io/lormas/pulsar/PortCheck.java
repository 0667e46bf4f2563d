package io.lormas.pulsar;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Finds, before anything starts, a port on 127.0.0.1 that another process already holds. */
final class PortCheck {

    private PortCheck() {
    }

    /** The ports the launcher needs, each with the option that sets it. */
    static Map<String, Integer> required(LaunchOptions options) {
        var ports = new LinkedHashMap<String, Integer>();
        ports.put("--broker-port", options.brokerPort());
        ports.put("--web-port", options.webPort());
        ports.put("--bookkeeper-port", options.bookkeeperPort());
        return ports;
    }

    /** A message naming the first port that cannot be bound, or empty when all are free. */
    static Optional<String> firstTaken(Map<String, Integer> ports) {
        for (var e : ports.entrySet()) {
            if (!isFree(e.getValue())) {
                return Optional.of("port " + e.getValue() + " (" + e.getKey() + ") is already in use on 127.0.0.1;"
                        + " stop whatever listens there or pass another " + e.getKey());
            }
        }
        return Optional.empty();
    }

    static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            // Without SO_REUSEADDR a port in TIME_WAIT would look taken although the broker could bind it.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
