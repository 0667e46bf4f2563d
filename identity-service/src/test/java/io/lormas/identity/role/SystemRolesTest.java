package io.lormas.identity.role;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lormas.contracts.identity.Permissions;

class SystemRolesTest {

    @Test
    void catalogueHasAtLeastThirtySixPermissionsInTenCategories() {
        assertThat(Permissions.all()).hasSizeGreaterThanOrEqualTo(36);
        assertThat(Permissions.CATALOGUE).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void adminHoldsEverythingAndCustomersOnlyTheirOwnThings() {
        assertThat(SystemRoles.admin()).containsExactlyInAnyOrderElementsOf(Permissions.all());
        assertThat(SystemRoles.customer()).containsAll(Permissions.serverPermissions())
                .contains(Permissions.SERVERS_CREATE, Permissions.CLIENTS_MANAGE, Permissions.GRANTS_MANAGE)
                .doesNotContain(Permissions.USERS_READ, Permissions.NODES_WRITE, Permissions.SERVERS_ADMIN,
                        Permissions.IDENTITY_CLIENTS_WRITE, Permissions.CLIENTS_ADMIN);
    }

    @Test
    void supportReadsButDoesNotChangeThePlatform() {
        assertThat(SystemRoles.support()).contains(Permissions.USERS_READ, Permissions.NODES_READ, Permissions.AUDIT_READ)
                .doesNotContain(Permissions.USERS_WRITE, Permissions.NODES_WRITE, Permissions.ROLES_WRITE,
                        Permissions.SERVERS_ADMIN, Permissions.BILLING_ADMIN, Permissions.CLIENTS_ADMIN);
    }
}
