package io.lormas.identity.support;

/** Fixed facts of the service under test. */
public final class TestIdentity {

    public static final String ADMIN_EMAIL = "admin@lormas.test";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String NODE_SERVICE_SECRET = "node-service-secret-for-tests";
    public static final String CONSOLE = "lormas-console";
    public static final String CONSOLE_REDIRECT = "http://localhost:8080/callback";

    private TestIdentity() {
    }
}
