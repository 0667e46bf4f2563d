package io.lormas.identity.role;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.contracts.identity.RoleChanged;
import io.lormas.contracts.identity.RoleDeleted;
import io.lormas.platform.id.Ids;
import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/** Creates, changes and removes roles; keeps the system roles equal to their definition in code. */
@Service
public class RoleManagement {

    private static final Logger log = LoggerFactory.getLogger(RoleManagement.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final Roles roles;
    private final Outbox outbox;
    private final JdbcClient jdbc;

    RoleManagement(Roles roles, Outbox outbox, JdbcClient jdbc) {
        this.roles = roles;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /** A role with its permissions. */
    public record RoleWithPermissions(Role role, Set<String> permissions) {
    }

    /** Creates missing system roles and brings their permissions up to date; safe to run on several replicas. */
    @Transactional
    public void syncSystemRoles() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('identity.system-roles'))").query().singleValue();
        for (Map.Entry<String, Set<String>> entry : SystemRoles.all().entrySet()) {
            Role role = roles.findByName(entry.getKey()).orElse(null);
            if (role == null) {
                role = new Role(Ids.newId(), entry.getKey(), SystemRoles.description(entry.getKey()), true, null, null, 0);
                roles.insert(role);
            }
            Set<String> current = new TreeSet<>(roles.permissionsOf(role.id()));
            if (!current.equals(entry.getValue())) {
                roles.clearPermissions(role.id());
                roles.addPermissions(role.id(), entry.getValue());
                outbox.publish(new RoleChanged(role.id(), role.name(), entry.getValue(), true));
                log.info("system role '{}' now holds {} permissions", role.name(), entry.getValue().size());
            }
        }
    }

    @Transactional(readOnly = true)
    public List<RoleWithPermissions> list() {
        return roles.findAll().stream().map(this::withPermissions).toList();
    }

    @Transactional(readOnly = true)
    public RoleWithPermissions get(UUID id) {
        return withPermissions(roles.findById(id).orElseThrow(() -> ProblemException.notFound("role", id)));
    }

    @Transactional
    public RoleWithPermissions create(LormasPrincipal caller, String name, @Nullable String description,
            Set<String> permissions) {
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.badRequest("invalid role name", List.of(new FieldViolation("name",
                    "must be 2 to 40 lowercase letters, digits or dashes, starting with a letter")));
        }
        PermissionRules.requireKnown(permissions, "permissions");
        PermissionRules.requireHeld(caller, permissions);
        if (roles.findByName(name).isPresent()) {
            throw ProblemException.conflict("a role named '" + name + "' already exists");
        }
        Role role = new Role(Ids.newId(), name, description, false, null, null, 0);
        roles.insert(role);
        if (!permissions.isEmpty()) {
            roles.addPermissions(role.id(), permissions);
        }
        outbox.publish(new RoleChanged(role.id(), name, new TreeSet<>(permissions), false));
        return get(role.id());
    }

    @Transactional
    public RoleWithPermissions update(LormasPrincipal caller, UUID id, @Nullable String description,
            Set<String> permissions) {
        Role role = roles.findById(id).orElseThrow(() -> ProblemException.notFound("role", id));
        if (role.system()) {
            throw ProblemException.unprocessable("system role '" + role.name() + "' is defined by the platform");
        }
        PermissionRules.requireKnown(permissions, "permissions");
        PermissionRules.requireHeld(caller, permissions);
        if (roles.update(new Role(id, role.name(), description, false, role.createdAt(), role.updatedAt(),
                role.version())) == 0) {
            throw ProblemException.conflict("the role was changed concurrently; read it again and retry");
        }
        roles.clearPermissions(id);
        if (!permissions.isEmpty()) {
            roles.addPermissions(id, permissions);
        }
        outbox.publish(new RoleChanged(id, role.name(), new TreeSet<>(permissions), false));
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        Role role = roles.findById(id).orElseThrow(() -> ProblemException.notFound("role", id));
        if (role.system()) {
            throw ProblemException.unprocessable("system role '" + role.name() + "' cannot be deleted");
        }
        if (roles.holders(id) > 0) {
            throw ProblemException.conflict("role '" + role.name() + "' is still held by users; take it from them first");
        }
        roles.delete(id);
        outbox.publish(new RoleDeleted(id, role.name()));
    }

    private RoleWithPermissions withPermissions(Role role) {
        return new RoleWithPermissions(role, new TreeSet<>(roles.permissionsOf(role.id())));
    }
}
