package io.lormas.deploy.user;

import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * What deploy-service knows of accounts: active, suspended or deleted. A user never seen in an event counts as
 * active (events may lag behind a token).
 */
@Component
public class AccountStatus {

    private final Users users;

    AccountStatus(Users users) {
        this.users = users;
    }

    public void record(UUID userId, String status) {
        String normalized = status.toLowerCase(Locale.ROOT);
        users.upsert(userId, switch (normalized) {
            case "suspended", "deleted" -> normalized;
            default -> "active";
        });
    }

    /** True when the account may not own new servers. */
    public boolean blocked(UUID userId) {
        return users.statusOf(userId).map(status -> !"active".equals(status)).orElse(false);
    }
}
