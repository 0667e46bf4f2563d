package io.lormas.node;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** node-service: regions, nodes, agent registration, agent sessions, presence and command delivery. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NodeServiceApplication {

    /** Tomcat's per-WebSocket output buffers (8 KiB each by default); agents send and receive small frames. */
    static final String TOMCAT_WS_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    public static void main(String[] args) {
        // Read once when Tomcat's WebSocket classes load: must be set before the application starts.
        if (System.getProperty(TOMCAT_WS_BUFFER) == null) {
            System.setProperty(TOMCAT_WS_BUFFER, "2048");
        }
        SpringApplication.run(NodeServiceApplication.class, args);
    }
}
