package io.lormas.node.region.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.contracts.identity.Permissions;
import io.lormas.node.Page;
import io.lormas.node.region.Region;
import io.lormas.node.region.RegionCatalog;
import io.lormas.platform.security.Principals;

/** {@code /api/nodes/regions}: admins with {@code nodes.read} / {@code nodes.write}. */
@RestController
@RequestMapping("/api/nodes/regions")
class RegionController {

    private final RegionCatalog catalog;

    RegionController(RegionCatalog catalog) {
        this.catalog = catalog;
    }

    record CreateRegion(
            @NotBlank @Pattern(regexp = "[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?",
                    message = "must be 1 to 32 lowercase letters, digits or '-', not starting or ending with '-'") String code,
            @NotBlank @Size(max = 100) String name) {
    }

    record RegionView(UUID id, String code, String name, Instant createdAt) {

        static RegionView of(Region region) {
            return new RegionView(region.id(), region.code(), region.name(), region.createdAt());
        }
    }

    @PostMapping
    ResponseEntity<RegionView> create(@Valid @RequestBody CreateRegion request) {
        Principals.requirePermission(Permissions.NODES_WRITE);
        Region region = catalog.create(request.code(), request.name());
        return ResponseEntity.created(URI.create("/api/nodes/regions/" + region.id())).body(RegionView.of(region));
    }

    @GetMapping
    Page<RegionView> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        Principals.requirePermission(Permissions.NODES_READ);
        Page<Region> page = catalog.list(Page.after(cursor), Page.limit(limit));
        return new Page<>(page.items().stream().map(RegionView::of).toList(), page.next());
    }

    @GetMapping("/{id}")
    RegionView get(@PathVariable UUID id) {
        Principals.requirePermission(Permissions.NODES_READ);
        return RegionView.of(catalog.get(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        Principals.requirePermission(Permissions.NODES_WRITE);
        catalog.remove(id);
        return ResponseEntity.noContent().build();
    }
}
