package io.lormas.catalog.support;

import java.time.Duration;
import java.util.UUID;

import io.lormas.testkit.TestTokens;

/** Access tokens of the callers the tests play, shaped like identity-service's. */
public final class Tokens {

    private static final Duration LIFETIME = Duration.ofHours(2);

    private Tokens() {
    }

    /** A user with the admin role (holds every permission). */
    public static String admin() {
        return TestTokens.shared().user(UUID.randomUUID()).roles("admin").lifetime(LIFETIME).sign();
    }

    /** A customer: may use the platform, manages nothing of the catalog. */
    public static String customer() {
        return TestTokens.shared().user(UUID.randomUUID()).roles("customer")
                .permissions("servers.read", "servers.create").lifetime(LIFETIME).sign();
    }

    /** A staff user who holds exactly these permissions (no admin role). */
    public static String staff(String... permissions) {
        return TestTokens.shared().user(UUID.randomUUID()).roles("support").permissions(permissions)
                .lifetime(LIFETIME).sign();
    }

    /** An integrator client acting for a user, with these scopes. */
    public static String client(String... scopes) {
        return TestTokens.shared().client("integrator-" + UUID.randomUUID(), UUID.randomUUID()).permissions(scopes)
                .scopes(scopes).lifetime(LIFETIME).sign();
    }
}
