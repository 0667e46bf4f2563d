package io.lormas.identity.grant;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.contracts.identity.GrantChanged;
import io.lormas.contracts.identity.GrantRevoked;
import io.lormas.contracts.identity.Permissions;
import io.lormas.identity.user.AccountClosed;
import io.lormas.identity.user.EffectivePermissions;
import io.lormas.identity.user.User;
import io.lormas.identity.user.Users;
import io.lormas.platform.id.Ids;
import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * Subusers: the owner of a resource (or an operator with {@code servers.admin}) grants another user a subset of the
 * server permissions the granter holds. Stored here and published as {@code identity.grant.*}, from which the
 * resource services keep the projection they enforce. Ownership is known from {@code resource_owner}, a projection
 * of the owning service's events.
 */
@Service
public class GrantManagement {

    /** Resource types that accept grants. */
    public static final Set<String> RESOURCE_TYPES = Set.of("server");

    private final Grants grants;
    private final Users users;
    private final EffectivePermissions permissions;
    private final Outbox outbox;

    GrantManagement(Grants grants, Users users, EffectivePermissions permissions, Outbox outbox) {
        this.grants = grants;
        this.users = users;
        this.permissions = permissions;
        this.outbox = outbox;
    }

    /** A grant with its permissions. */
    public record GrantWithPermissions(Grant grant, Set<String> permissions) {
    }

    /**
     * Gives {@code userId} exactly {@code wanted} on the resource (creates or replaces the grant).
     *
     * @throws ProblemException 404 when the caller may not manage the resource, 403 naming a permission the caller
     *         lacks, 422 for an unknown user or a permission that is not a server permission
     */
    @Transactional
    public GrantWithPermissions set(LormasPrincipal caller, String type, UUID resourceId, UUID userId, Set<String> wanted) {
        UUID granter = requireManager(caller, type, resourceId);
        for (String permission : wanted) {
            if (!Permissions.serverPermissions().contains(permission)) {
                throw ProblemException.unprocessable("'" + permission + "' cannot be granted on a " + type,
                        List.of(new FieldViolation("permissions", "'" + permission + "' is not a server permission")));
            }
        }
        Set<String> held;
        if (caller.isAdmin()) {
            held = Permissions.all();
        } else if (caller.kind() == LormasPrincipal.Kind.USER) {
            held = permissions.of(granter); // fresh, not the token's copy
        } else {
            held = caller.permissions(); // a client: its scopes, already limited to its owner's permissions
        }
        for (String permission : wanted) {
            if (!held.contains(permission)) {
                throw ProblemException.forbidden("you cannot grant '" + permission + "': you do not hold it yourself");
            }
        }
        User grantee = users.findById(userId).filter(User::active).orElseThrow(() -> ProblemException.unprocessable(
                "user " + userId + " does not exist or is suspended", List.of(new FieldViolation("userId", "unknown user"))));
        if (grants.ownerOf(type, resourceId).map(grantee.id()::equals).orElse(false)) {
            throw ProblemException.unprocessable("the owner holds every permission on their own " + type + " already");
        }
        Grant grant = grants.find(type, resourceId, userId).orElse(null);
        if (grant == null) {
            grant = new Grant(Ids.newId(), userId, type, resourceId, granter, null, null, 0);
            grants.insert(grant);
        } else {
            grants.touch(grant.id(), granter);
            grants.clearPermissions(grant.id());
        }
        if (!wanted.isEmpty()) {
            grants.addPermissions(grant.id(), wanted);
        }
        outbox.publish(new GrantChanged(grant.id(), userId, type, resourceId, new TreeSet<>(wanted), granter));
        return load(grants.find(type, resourceId, userId).orElseThrow());
    }

    /** Takes the grant away; absent is fine. */
    @Transactional
    public void revoke(LormasPrincipal caller, String type, UUID resourceId, UUID userId) {
        requireManager(caller, type, resourceId);
        grants.find(type, resourceId, userId).ifPresent(grant -> {
            grants.delete(grant.id());
            outbox.publish(new GrantRevoked(grant.id(), userId, type, resourceId));
        });
    }

    @Transactional(readOnly = true)
    public List<GrantWithPermissions> ofResource(LormasPrincipal caller, String type, UUID resourceId) {
        requireManager(caller, type, resourceId);
        return grants.ofResource(type, resourceId).stream().map(this::load).toList();
    }

    /** What the user was granted on other people's resources. */
    @Transactional(readOnly = true)
    public List<GrantWithPermissions> ofUser(UUID userId) {
        return grants.ofUser(userId).stream().map(this::load).toList();
    }

    /** Records who owns a resource (fed by the owning service's events). */
    @Transactional
    public void recordOwner(String type, UUID resourceId, UUID ownerId) {
        grants.recordOwner(type, resourceId, ownerId);
    }

    /** A removed resource: its grants go, with their events. */
    @Transactional
    public void forgetResource(String type, UUID resourceId) {
        for (Grant grant : grants.ofResource(type, resourceId)) {
            grants.delete(grant.id());
            outbox.publish(new GrantRevoked(grant.id(), grant.userId(), type, resourceId));
        }
        grants.forgetResource(type, resourceId);
    }

    @EventListener
    void on(AccountClosed closed) {
        if (closed.deleted()) {
            for (Grant grant : grants.ofUser(closed.userId())) {
                grants.delete(grant.id());
                outbox.publish(new GrantRevoked(grant.id(), grant.userId(), grant.resourceType(), grant.resourceId()));
            }
        }
    }

    /** The id of the user managing the grants; 404 (not 403) for everyone else, so resource ids cannot be probed. */
    private UUID requireManager(LormasPrincipal caller, String type, UUID resourceId) {
        if (!RESOURCE_TYPES.contains(type)) {
            throw ProblemException.notFound("resource type", type);
        }
        UUID userId = caller.userId();
        if (userId == null) {
            throw ProblemException.forbidden("only users and their clients manage grants");
        }
        if (!caller.can(Permissions.GRANTS_MANAGE)) {
            throw ProblemException.forbidden("permission '" + Permissions.GRANTS_MANAGE + "' is required");
        }
        if (caller.can(Permissions.SERVERS_ADMIN)) {
            return userId;
        }
        boolean owner = grants.ownerOf(type, resourceId).map(userId::equals).orElse(false);
        if (!owner) {
            throw ProblemException.notFound(type, resourceId);
        }
        return userId;
    }

    private GrantWithPermissions load(Grant grant) {
        return new GrantWithPermissions(grant, new TreeSet<>(grants.permissionsOf(grant.id())));
    }
}
