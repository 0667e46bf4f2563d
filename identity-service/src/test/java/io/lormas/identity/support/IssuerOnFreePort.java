package io.lormas.identity.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import io.lormas.testkit.Ports;

/**
 * Runs the service on a free port and makes {@code http://127.0.0.1:<port>} its issuer, so discovery, redirects and
 * token validation all agree as they do behind the gateway.
 */
public class IssuerOnFreePort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().containsProperty("lormas.test.issuer-port")) {
            return;
        }
        int port = Ports.free();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("identityTestIssuer", Map.of(
                "server.port", port,
                "lormas.test.issuer-port", port,
                "lormas.identity.issuer", "http://127.0.0.1:" + port)));
    }
}
