package io.lormas.platform.security;

import java.util.UUID;

import io.lormas.platform.web.ProblemException;

/**
 * Answers "may this principal use permission P on resource R". Admins may everything; an owner holds every
 * resource permission on what they own; a subuser holds what the owner granted. An integrator client acts for
 * its owner and additionally needs P among its scopes.
 */
public final class ResourceAccess {

    private final ResourceGrants grants;

    public ResourceAccess(ResourceGrants grants) {
        this.grants = grants;
    }

    /** A resource and its owner. */
    public record Resource(String type, UUID id, UUID ownerId) {
    }

    public boolean can(LormasPrincipal principal, String permission, Resource resource) {
        if (principal.isAdmin()) {
            return true;
        }
        UUID userId = principal.userId();
        if (userId == null) {
            return false;
        }
        if (principal.kind() == LormasPrincipal.Kind.CLIENT && !principal.permissions().contains(permission)) {
            return false;
        }
        if (userId.equals(resource.ownerId())) {
            return true;
        }
        return grants.permissionsOf(userId, resource.type(), resource.id()).contains(permission);
    }

    /** True when the principal may know the resource exists at all (owner, any grant, admin). */
    public boolean canSee(LormasPrincipal principal, Resource resource) {
        if (principal.isAdmin()) {
            return true;
        }
        UUID userId = principal.userId();
        return userId != null && (userId.equals(resource.ownerId())
                || !grants.permissionsOf(userId, resource.type(), resource.id()).isEmpty());
    }

    /**
     * Passes or throws: 404 when the principal may not know the resource exists (so ids cannot be probed),
     * 403 naming the missing permission otherwise.
     */
    public void require(LormasPrincipal principal, String permission, Resource resource) {
        if (can(principal, permission, resource)) {
            return;
        }
        if (!canSee(principal, resource)) {
            throw ProblemException.notFound(resource.type(), resource.id());
        }
        throw ProblemException.forbidden("permission '" + permission + "' on " + resource.type() + " " + resource.id()
                + " is required");
    }
}
