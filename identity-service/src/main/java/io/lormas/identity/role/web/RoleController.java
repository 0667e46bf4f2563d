package io.lormas.identity.role.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.contracts.identity.Permissions;
import io.lormas.identity.role.RoleManagement;
import io.lormas.identity.role.RoleManagement.RoleWithPermissions;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.ProblemException;

/** Roles: read by user administrators, changed with {@code roles.write}. */
@RestController
@RequestMapping("/api/identity/roles")
class RoleController {

    private final RoleManagement roles;

    RoleController(RoleManagement roles) {
        this.roles = roles;
    }

    record RoleResponse(UUID id, String name, @Nullable String description, boolean system, Set<String> permissions,
            Instant createdAt, Instant updatedAt) {

        static RoleResponse of(RoleWithPermissions role) {
            return new RoleResponse(role.role().id(), role.role().name(), role.role().description(), role.role().system(),
                    role.permissions(), role.role().createdAt(), role.role().updatedAt());
        }
    }

    record RoleList(List<RoleResponse> items, @Nullable String next) {
    }

    record CreateRole(@NotBlank @Size(max = 40) String name, @Size(max = 500) @Nullable String description,
            @NotNull Set<String> permissions) {
    }

    record UpdateRole(@Size(max = 500) @Nullable String description, @NotNull Set<String> permissions) {
    }

    @GetMapping
    RoleList list() {
        requireReader();
        return new RoleList(roles.list().stream().map(RoleResponse::of).toList(), null);
    }

    @GetMapping("/{id}")
    RoleResponse get(@PathVariable UUID id) {
        requireReader();
        return RoleResponse.of(roles.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RoleResponse create(@Valid @RequestBody CreateRole request) {
        LormasPrincipal caller = Principals.requirePermission(Permissions.ROLES_WRITE);
        return RoleResponse.of(roles.create(caller, request.name(), request.description(), request.permissions()));
    }

    @PutMapping("/{id}")
    RoleResponse update(@PathVariable UUID id, @Valid @RequestBody UpdateRole request) {
        LormasPrincipal caller = Principals.requirePermission(Permissions.ROLES_WRITE);
        return RoleResponse.of(roles.update(caller, id, request.description(), request.permissions()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        Principals.requirePermission(Permissions.ROLES_WRITE);
        roles.delete(id);
    }

    private static void requireReader() {
        LormasPrincipal caller = Principals.require();
        if (!caller.can(Permissions.USERS_READ) && !caller.can(Permissions.ROLES_WRITE)) {
            throw ProblemException.forbidden("permission '" + Permissions.USERS_READ + "' is required");
        }
    }
}
