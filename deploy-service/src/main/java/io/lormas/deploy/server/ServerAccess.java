package io.lormas.deploy.server;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.lormas.contracts.identity.Permissions;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.security.ResourceAccess;
import io.lormas.platform.web.ProblemException;

/**
 * Who may see and do what on a server: admins and holders of {@code servers.admin} everything; owners everything
 * on their own servers; subusers what the owner granted them; integrator clients act for their owner and need the
 * permission among their scopes too ({@code servers.read} to see anything). Callers who may not know a server
 * exists get 404, others missing a permission 403.
 */
@Component
public class ServerAccess {

    public static final String RESOURCE_TYPE = "server";

    private final ResourceAccess access;

    ServerAccess(ResourceAccess access) {
        this.access = access;
    }

    /** Staff: users holding {@code servers.admin} (the admin role holds every permission). */
    public static boolean isStaff(LormasPrincipal principal) {
        return principal.kind() != LormasPrincipal.Kind.AGENT && principal.can(Permissions.SERVERS_ADMIN);
    }

    /** The caller may see the server at all (otherwise 404), and a client holds {@code servers.read}. */
    public void requireVisible(LormasPrincipal principal, UUID serverId, UUID ownerId) {
        if (isStaff(principal)) {
            return;
        }
        ResourceAccess.Resource resource = new ResourceAccess.Resource(RESOURCE_TYPE, serverId, ownerId);
        if (!access.canSee(principal, resource)) {
            throw ProblemException.notFound(RESOURCE_TYPE, serverId);
        }
        requireClientScope(principal, Permissions.SERVERS_READ);
    }

    /** The caller may use a server permission (or an account permission such as servers.delete) on the server. */
    public void require(LormasPrincipal principal, String permission, UUID serverId, UUID ownerId) {
        if (isStaff(principal)) {
            return;
        }
        access.require(principal, permission, new ResourceAccess.Resource(RESOURCE_TYPE, serverId, ownerId));
    }

    public boolean can(LormasPrincipal principal, String permission, UUID serverId, UUID ownerId) {
        return isStaff(principal)
                || access.can(principal, permission, new ResourceAccess.Resource(RESOURCE_TYPE, serverId, ownerId));
    }

    /**
     * Whose servers a caller lists: null means all (staff), otherwise the user acting.
     */
    public @Nullable UUID listingViewer(LormasPrincipal principal) {
        if (isStaff(principal)) {
            return null;
        }
        requireClientScope(principal, Permissions.SERVERS_READ);
        UUID userId = principal.userId();
        if (userId == null) {
            throw ProblemException.forbidden("only users, and clients acting for a user, have servers");
        }
        return userId;
    }

    private static void requireClientScope(LormasPrincipal principal, String scope) {
        if (principal.kind() == LormasPrincipal.Kind.CLIENT && !principal.permissions().contains(scope)
                && !principal.scopes().contains(scope)) {
            throw ProblemException.forbidden("this client lacks the scope '" + scope + "'");
        }
    }
}
