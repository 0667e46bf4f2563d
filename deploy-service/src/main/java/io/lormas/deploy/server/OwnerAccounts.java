package io.lormas.deploy.server;

import org.springframework.stereotype.Component;

import io.lormas.contracts.identity.UserCreated;
import io.lormas.contracts.identity.UserDeleted;
import io.lormas.contracts.identity.UserSuspended;
import io.lormas.contracts.identity.UserUnsuspended;
import io.lormas.contracts.identity.UserUpdated;
import io.lormas.deploy.grant.ProjectedGrants;
import io.lormas.deploy.user.AccountStatus;
import io.lormas.platform.events.EventHandler;

/**
 * Accounts and their servers: a suspended owner's servers are suspended (stopped, not startable) and resumed with
 * the account; a deleted owner's servers are suspended too, never deleted on their own: their data waits for an
 * admin's decision.
 */
@Component
class OwnerAccounts {

    static final String OWNER_SUSPENDED = "owner-suspended";
    static final String OWNER_DELETED = "owner-deleted";

    private final AccountStatus accounts;
    private final ServerManagement servers;
    private final ProjectedGrants grants;

    OwnerAccounts(AccountStatus accounts, ServerManagement servers, ProjectedGrants grants) {
        this.accounts = accounts;
        this.servers = servers;
        this.grants = grants;
    }

    @EventHandler
    void on(UserCreated event) {
        accounts.record(event.userId(), event.status());
    }

    @EventHandler
    void on(UserUpdated event) {
        accounts.record(event.userId(), event.status());
    }

    @EventHandler
    void on(UserSuspended event) {
        accounts.record(event.userId(), "suspended");
        servers.suspendAllOf(event.userId(), OWNER_SUSPENDED);
    }

    @EventHandler
    void on(UserUnsuspended event) {
        accounts.record(event.userId(), "active");
        servers.resumeAllOf(event.userId(), OWNER_SUSPENDED);
    }

    @EventHandler
    void on(UserDeleted event) {
        accounts.record(event.userId(), "deleted");
        grants.forgetUser(event.userId());
        servers.suspendAllOf(event.userId(), OWNER_DELETED);
    }
}
