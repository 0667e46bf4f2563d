package io.lormas.identity.user;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.lormas.contracts.identity.Permissions;
import io.lormas.identity.role.Roles;

/** What a user may do globally: the permissions of their roles, plus granted and minus denied overrides. */
@Component
public class EffectivePermissions {

    private final Roles roles;
    private final Users users;

    EffectivePermissions(Roles roles, Users users) {
        this.roles = roles;
        this.users = users;
    }

    /** Sorted, only names of the current catalogue (a removed permission disappears from tokens at once). */
    public Set<String> of(UUID userId) {
        Set<String> permissions = new TreeSet<>(roles.permissionsOfUser(userId));
        for (PermissionOverride override : users.overridesOf(userId)) {
            if (PermissionOverride.GRANT.equals(override.effect())) {
                permissions.add(override.permission());
            } else {
                permissions.remove(override.permission());
            }
        }
        permissions.retainAll(Permissions.all());
        return permissions;
    }
}
