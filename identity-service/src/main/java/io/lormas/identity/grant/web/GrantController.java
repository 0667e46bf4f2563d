package io.lormas.identity.grant.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.identity.grant.GrantManagement;
import io.lormas.identity.grant.GrantManagement.GrantWithPermissions;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.ProblemException;

/** Subusers of a resource: {@code /api/identity/grants/{resourceType}/{resourceId}/users/{userId}}. */
@RestController
@RequestMapping("/api/identity/grants")
class GrantController {

    private final GrantManagement grants;

    GrantController(GrantManagement grants) {
        this.grants = grants;
    }

    record GrantRequest(@NotNull @Size(max = 100) Set<String> permissions) {
    }

    record GrantResponse(UUID id, UUID userId, String resourceType, UUID resourceId, Set<String> permissions,
            UUID grantedBy, @Nullable Instant createdAt, @Nullable Instant updatedAt) {

        static GrantResponse of(GrantWithPermissions g) {
            return new GrantResponse(g.grant().id(), g.grant().userId(), g.grant().resourceType(), g.grant().resourceId(),
                    g.permissions(), g.grant().grantedBy(), g.grant().createdAt(), g.grant().updatedAt());
        }
    }

    record GrantList(List<GrantResponse> items, @Nullable String next) {
    }

    /** The grants the caller holds on other people's resources. */
    @GetMapping
    GrantList mine() {
        LormasPrincipal caller = Principals.require();
        if (caller.userId() == null) {
            throw ProblemException.forbidden("only users hold grants");
        }
        return new GrantList(grants.ofUser(caller.userId()).stream().map(GrantResponse::of).toList(), null);
    }

    @GetMapping("/{resourceType}/{resourceId}")
    GrantList ofResource(@PathVariable String resourceType, @PathVariable UUID resourceId) {
        return new GrantList(grants.ofResource(Principals.require(), resourceType, resourceId).stream()
                .map(GrantResponse::of).toList(), null);
    }

    @PutMapping("/{resourceType}/{resourceId}/users/{userId}")
    GrantResponse set(@PathVariable String resourceType, @PathVariable UUID resourceId, @PathVariable UUID userId,
            @Valid @RequestBody GrantRequest request) {
        return GrantResponse.of(grants.set(Principals.require(), resourceType, resourceId, userId, request.permissions()));
    }

    @DeleteMapping("/{resourceType}/{resourceId}/users/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String resourceType, @PathVariable UUID resourceId, @PathVariable UUID userId) {
        grants.revoke(Principals.require(), resourceType, resourceId, userId);
    }
}
