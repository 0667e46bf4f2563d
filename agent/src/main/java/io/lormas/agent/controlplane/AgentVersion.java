package io.lormas.agent.controlplane;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, from the build (reported in {@code hello}). */
final class AgentVersion {

    static final String VALUE = read();

    private AgentVersion() {
    }

    private static String read() {
        try (InputStream in = AgentVersion.class.getResourceAsStream("/META-INF/lormas-agent.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "unknown";
    }
}
