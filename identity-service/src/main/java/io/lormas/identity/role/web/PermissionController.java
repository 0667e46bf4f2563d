package io.lormas.identity.role.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.contracts.identity.Permissions;
import io.lormas.platform.security.Principals;

/** The permission catalogue, for screens that assign roles, scopes and grants. */
@RestController
class PermissionController {

    record Category(String name, boolean serverLevel, List<String> permissions) {
    }

    record Catalogue(List<Category> items) {
    }

    @GetMapping("/api/identity/permissions")
    Catalogue catalogue() {
        Principals.require();
        return new Catalogue(Permissions.CATALOGUE.entrySet().stream()
                .map(e -> new Category(e.getKey(), Permissions.SERVER_CATEGORIES.contains(e.getKey()), e.getValue()))
                .toList());
    }
}
