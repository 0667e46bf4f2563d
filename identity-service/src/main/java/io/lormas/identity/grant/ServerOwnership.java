package io.lormas.identity.grant;

import org.springframework.stereotype.Component;

import io.lormas.contracts.deploy.ServerCreated;
import io.lormas.contracts.deploy.ServerDeleted;
import io.lormas.platform.events.EventHandler;

/**
 * Learns who owns which server from deploy-service's events, so that owners (and only they) can grant subusers
 * access; a deleted server takes its grants with it.
 */
@Component
class ServerOwnership {

    private final GrantManagement grants;

    ServerOwnership(GrantManagement grants) {
        this.grants = grants;
    }

    @EventHandler
    void on(ServerCreated event) {
        grants.recordOwner("server", event.serverId(), event.ownerId());
    }

    @EventHandler
    void on(ServerDeleted event) {
        grants.forgetResource("server", event.serverId());
    }
}
