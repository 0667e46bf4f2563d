package io.lormas.identity.support;

import java.util.HashMap;
import java.util.Map;

import io.lormas.testkit.InfrastructureContextCustomizerFactory;

/** Fixed facts of the service under test. */
public final class TestIdentity {

    public static final String ADMIN_EMAIL = "admin@lormas.test";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String NODE_SERVICE_SECRET = "node-service-secret-for-tests";
    public static final String CONSOLE = "lormas-console";
    public static final String CONSOLE_REDIRECT = "http://localhost:8080/callback";

    private TestIdentity() {
    }

    /**
     * Properties of a service started outside Spring's test context (restarts, benchmarks): real infrastructure,
     * the issuer on the given port, the test admin.
     */
    public static Map<String, Object> standaloneProperties(int port) {
        Map<String, Object> properties = new HashMap<>(InfrastructureContextCustomizerFactory.infrastructureProperties(
                true, true, true));
        properties.put("server.port", port);
        properties.put("lormas.identity.issuer", "http://127.0.0.1:" + port);
        properties.put("lormas.identity.admin.email", ADMIN_EMAIL);
        properties.put("lormas.identity.admin.password", ADMIN_PASSWORD);
        return properties;
    }
}
