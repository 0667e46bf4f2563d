package io.lormas.identity.user.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.lormas.contracts.identity.Permissions;
import io.lormas.identity.user.PermissionOverride;
import io.lormas.identity.user.UserManagement;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/** Administration of user accounts ({@code users.read} / {@code users.write}). */
@RestController
@RequestMapping("/api/identity/users")
class UserController {

    private final UserManagement users;

    UserController(UserManagement users) {
        this.users = users;
    }

    record CreateUser(@NotBlank @Email @Size(max = 254) String email, @NotNull String password,
            @Nullable List<@NotBlank String> roles, @Size(max = 200) @Nullable String displayName) {
    }

    record UpdateUser(@Email @Size(max = 254) @Nullable String email, @Size(max = 200) @Nullable String displayName,
            @Nullable List<@NotBlank String> roles) {
    }

    record Suspension(@Size(max = 500) @Nullable String reason) {
    }

    record UserList(List<UserResponse> items, @Nullable String next) {
    }

    record Overrides(@NotNull Set<String> grant, @NotNull Set<String> deny) {

        static Overrides of(List<PermissionOverride> overrides) {
            return new Overrides(
                    collect(overrides, PermissionOverride.GRANT), collect(overrides, PermissionOverride.DENY));
        }

        private static Set<String> collect(List<PermissionOverride> overrides, String effect) {
            return overrides.stream().filter(o -> effect.equals(o.effect())).map(PermissionOverride::permission)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @PostMapping
    ResponseEntity<UserResponse> create(@Valid @RequestBody CreateUser request) {
        LormasPrincipal caller = Principals.requirePermission(Permissions.USERS_WRITE);
        UserResponse created = UserResponse.of(
                users.create(caller, request.email(), request.password(), request.roles(), request.displayName()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping
    UserList list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        Principals.requirePermission(Permissions.USERS_READ);
        if (limit < 1 || limit > 100) {
            throw ProblemException.badRequest("invalid limit", List.of(new FieldViolation("limit", "must be 1 to 100")));
        }
        if (status != null && !status.equals("active") && !status.equals("suspended")) {
            throw ProblemException.badRequest("invalid status",
                    List.of(new FieldViolation("status", "must be active or suspended")));
        }
        UUID after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = UUID.fromString(cursor);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid cursor",
                        List.of(new FieldViolation("cursor", "is not a cursor of this list")));
            }
        }
        var page = users.list(q, status, after, limit);
        return new UserList(page.items().stream().map(UserResponse::of).toList(), page.next());
    }

    @GetMapping("/{id}")
    UserResponse get(@PathVariable UUID id) {
        LormasPrincipal caller = Principals.require();
        if (!id.equals(caller.userId()) || caller.kind() != LormasPrincipal.Kind.USER) {
            Principals.requirePermission(Permissions.USERS_READ);
        }
        return UserResponse.of(users.get(id));
    }

    @PatchMapping("/{id}")
    UserResponse update(@PathVariable UUID id, @Valid @RequestBody UpdateUser request) {
        LormasPrincipal caller = Principals.requirePermission(Permissions.USERS_WRITE);
        return UserResponse.of(users.update(caller, id, request.email(), request.displayName(), request.roles()));
    }

    @PostMapping("/{id}/suspend")
    UserResponse suspend(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable Suspension request) {
        LormasPrincipal caller = Principals.requirePermission(Permissions.USERS_WRITE);
        return UserResponse.of(users.suspend(caller, id, request == null ? null : request.reason()));
    }

    @PostMapping("/{id}/unsuspend")
    UserResponse unsuspend(@PathVariable UUID id) {
        Principals.requirePermission(Permissions.USERS_WRITE);
        return UserResponse.of(users.unsuspend(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        LormasPrincipal caller = Principals.requirePermission(Permissions.USERS_WRITE);
        users.delete(caller, id);
    }

    @GetMapping("/{id}/permissions")
    Overrides overrides(@PathVariable UUID id) {
        Principals.requirePermission(Permissions.USERS_READ);
        return Overrides.of(users.overrides(id));
    }

    @PutMapping("/{id}/permissions")
    Overrides replaceOverrides(@PathVariable UUID id, @Valid @RequestBody Overrides request) {
        LormasPrincipal caller = Principals.requirePermission(Permissions.USERS_WRITE);
        return Overrides.of(users.replaceOverrides(caller, id, request.grant(), request.deny()));
    }
}
