package io.lormas.catalog.nest.web;

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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.catalog.nest.Nest;
import io.lormas.catalog.nest.NestManagement;
import io.lormas.catalog.nest.Nests;
import io.lormas.catalog.web.Page;
import io.lormas.catalog.web.PageRequest;
import io.lormas.contracts.identity.Permissions;
import io.lormas.platform.security.Principals;

/** Nests: any signed-in principal reads them, {@code eggs.write} changes them. */
@RestController
@RequestMapping("/api/catalog/nests")
class NestController {

    private final Nests nests;
    private final NestManagement management;

    NestController(Nests nests, NestManagement management) {
        this.nests = nests;
        this.management = management;
    }

    record NestRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name,
            @Size(max = 2000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") @Nullable String description) {
    }

    record NestChanges(
            @Size(min = 1, max = 100) @Pattern(regexp = "(?s)(?=.*\\S)[^\\p{Cntrl}]*",
                    message = "must not be blank nor contain control characters") @Nullable String name,
            @Size(max = 2000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") @Nullable String description) {
    }

    record NestResponse(UUID id, String name, String description, int version, Instant createdAt, Instant updatedAt) {

        static NestResponse of(Nest nest) {
            return new NestResponse(nest.id(), nest.name(), nest.description(), nest.version(), nest.createdAt(),
                    nest.updatedAt());
        }
    }

    @PostMapping
    ResponseEntity<NestResponse> create(@Valid @RequestBody NestRequest request) {
        Principals.requirePermission(Permissions.EGGS_WRITE);
        Nest nest = management.create(request.name(), request.description() == null ? "" : request.description());
        return ResponseEntity.created(URI.create("/api/catalog/nests/" + nest.id())).body(NestResponse.of(nest));
    }

    @GetMapping
    Page<NestResponse> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        Principals.require();
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(nests.findPage(page.after(), page.fetch()), page.limit(), Nest::id, NestResponse::of);
    }

    @GetMapping("/{id}")
    NestResponse get(@PathVariable UUID id) {
        Principals.require();
        return NestResponse.of(management.require(id));
    }

    @PatchMapping("/{id}")
    NestResponse update(@PathVariable UUID id, @Valid @RequestBody NestChanges changes) {
        Principals.requirePermission(Permissions.EGGS_WRITE);
        return NestResponse.of(management.update(id, changes.name(), changes.description()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        Principals.requirePermission(Permissions.EGGS_WRITE);
        management.delete(id);
        return ResponseEntity.noContent().build();
    }
}
