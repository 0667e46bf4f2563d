package io.lormas.identity.bootstrap;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.identity.IdentitySettings;
import io.lormas.identity.client.ClientRegistry;
import io.lormas.identity.key.KeyRing;
import io.lormas.identity.role.RoleManagement;
import io.lormas.identity.role.SystemRoles;
import io.lormas.identity.user.PasswordPolicy;
import io.lormas.identity.user.UserManagement;
import io.lormas.platform.web.ProblemException;

/**
 * Brings the service to a usable state at every start (idempotent, safe on several replicas): a signing key, the
 * system roles, the console and service clients, and on the very first run the superuser. Its password comes from
 * {@code LORMAS_ADMIN_PASSWORD} or is generated and printed once:
 * {@code Lormas first-run admin: <email> / <password>}.
 */
@Component
class FirstRun implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstRun.class);

    private final KeyRing keyRing;
    private final RoleManagement roles;
    private final ClientRegistry clients;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IdentitySettings settings;

    FirstRun(KeyRing keyRing, RoleManagement roles, ClientRegistry clients, UserManagement users, JdbcClient jdbc,
            TransactionTemplate transactions, IdentitySettings settings) {
        this.keyRing = keyRing;
        this.roles = roles;
        this.clients = clients;
        this.users = users;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        keyRing.ensureKey();
        roles.syncSystemRoles();
        clients.registerPlatformClients();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('identity.first-run'))").query().singleValue();
            if (jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0) {
                return;
            }
            String email = settings.admin().email();
            String configured = settings.admin().password();
            boolean generated = configured == null || configured.isBlank();
            String password = generated ? randomPassword() : configured;
            try {
                users.create(null, email, password, List.of(SystemRoles.ADMIN), "Administrator");
            } catch (ProblemException e) {
                throw new IllegalStateException("cannot create the first-run admin from LORMAS_ADMIN_EMAIL / "
                        + "LORMAS_ADMIN_PASSWORD: " + e.getMessage() + " " + e.errors()
                        + " (the password needs at least " + PasswordPolicy.MIN_LENGTH + " characters)");
            }
            if (generated) {
                // printed once, on purpose: the operator needs it to sign in the first time
                log.warn("Lormas first-run admin: {} / {}", email, password);
            } else {
                log.info("Lormas first-run admin: {} (password from LORMAS_ADMIN_PASSWORD)", email);
            }
        });
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
