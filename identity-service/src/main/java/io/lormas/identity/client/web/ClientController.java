package io.lormas.identity.client.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.lormas.contracts.identity.Permissions;
import io.lormas.identity.client.ClientRegistry;
import io.lormas.identity.client.ClientRegistry.ClientView;
import io.lormas.identity.client.ClientRegistry.IssuedSecret;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/** OAuth clients users create for their integrations ({@code clients.manage}); secrets are shown once. */
@RestController
@RequestMapping("/api/identity/clients")
class ClientController {

    private final ClientRegistry registry;

    ClientController(ClientRegistry registry) {
        this.registry = registry;
    }

    record CreateClient(@NotBlank @Size(max = 100) String name, @NotEmpty @Size(max = 100) Set<@NotBlank String> scopes) {
    }

    /** A client as listed: never its secret. */
    record ClientResponse(String clientId, String name, Set<String> scopes, @Nullable UUID ownerId,
            @Nullable Instant createdAt, @Nullable Instant secretRotatedAt) {

        static ClientResponse of(ClientView view) {
            return new ClientResponse(view.client().clientId(), view.client().name(), view.scopes(),
                    view.client().ownerId(), view.client().createdAt(), view.client().secretRotatedAt());
        }
    }

    /** The one answer that carries the secret. */
    record ClientWithSecret(String clientId, String clientSecret, String name, Set<String> scopes,
            @Nullable UUID ownerId, @Nullable Instant createdAt) {

        static ClientWithSecret of(IssuedSecret issued) {
            ClientView view = issued.client();
            return new ClientWithSecret(view.client().clientId(), issued.secret(), view.client().name(), view.scopes(),
                    view.client().ownerId(), view.client().createdAt());
        }
    }

    record ClientList(List<ClientResponse> items, @Nullable String next) {
    }

    @PostMapping
    ResponseEntity<ClientWithSecret> create(@Valid @RequestBody CreateClient request) {
        LormasPrincipal caller = Principals.requirePermission(Permissions.CLIENTS_MANAGE);
        ClientWithSecret created = ClientWithSecret.of(registry.createIntegrator(caller, request.name().trim(),
                request.scopes()));
        // no-store: the secret is shown once; neither caches nor the Idempotency-Key store may keep it
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.clientId()).toUri()).cacheControl(CacheControl.noStore()).body(created);
    }

    @GetMapping
    ClientList list(@RequestParam(required = false) @Nullable UUID ownerId,
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int limit) {
        LormasPrincipal caller = Principals.require();
        if (limit < 1 || limit > 100) {
            throw ProblemException.badRequest("invalid limit", List.of(new FieldViolation("limit", "must be 1 to 100")));
        }
        List<ClientView> page = registry.list(caller, ownerId, cursor, limit + 1);
        List<ClientResponse> items = page.stream().limit(limit).map(ClientResponse::of).toList();
        return new ClientList(items, page.size() > limit ? items.getLast().clientId() : null);
    }

    @GetMapping("/{clientId}")
    ClientResponse get(@PathVariable String clientId) {
        return ClientResponse.of(registry.get(Principals.require(), clientId));
    }

    @PostMapping("/{clientId}/secret")
    ResponseEntity<ClientWithSecret> rotateSecret(@PathVariable String clientId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(ClientWithSecret.of(registry.rotateSecret(Principals.require(), clientId)));
    }

    @DeleteMapping("/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String clientId) {
        registry.delete(Principals.require(), clientId);
    }
}
