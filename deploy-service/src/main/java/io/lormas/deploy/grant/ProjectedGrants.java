package io.lormas.deploy.grant;

import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.lormas.contracts.identity.GrantChanged;
import io.lormas.contracts.identity.GrantRevoked;
import io.lormas.platform.events.EventHandler;
import io.lormas.platform.security.ResourceGrants;

/**
 * The platform's {@link ResourceGrants} for this service, kept from identity's grant events: with it,
 * {@code ResourceAccess} lets subusers do what the owner granted them on a server.
 */
@Component
public class ProjectedGrants implements ResourceGrants {

    private final Grants grants;

    ProjectedGrants(Grants grants) {
        this.grants = grants;
    }

    @EventHandler
    void on(GrantChanged event) {
        if (event.permissions().isEmpty()) {
            grants.delete(event.userId(), event.resourceType(), event.resourceId());
            return;
        }
        grants.upsert(event.grantId(), event.userId(), event.resourceType(), event.resourceId(),
                event.permissions().toArray(String[]::new), event.grantedBy());
    }

    @EventHandler
    void on(GrantRevoked event) {
        grants.delete(event.userId(), event.resourceType(), event.resourceId());
    }

    @Override
    public Set<String> permissionsOf(UUID userId, String resourceType, UUID resourceId) {
        return Set.copyOf(grants.permissionsOf(userId, resourceType, resourceId));
    }

    /** Grants on a server that no longer exists are of no use to anybody. */
    public void forgetResource(String resourceType, UUID resourceId) {
        grants.deleteAllOn(resourceType, resourceId);
    }

    public void forgetUser(UUID userId) {
        grants.deleteAllOf(userId);
    }
}
