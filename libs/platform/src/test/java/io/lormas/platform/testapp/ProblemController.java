package io.lormas.platform.testapp;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.platform.id.Ids;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.ProblemException;

/** Endpoints that fail in every way a service can, for the problem+json tests. */
@RestController
class ProblemController {

    private final Widgets widgets;

    ProblemController(Widgets widgets) {
        this.widgets = widgets;
    }

    record NewAccount(@NotBlank @Email String email, @NotBlank @Size(min = 12, message = "must be at least 12 characters") String password) {
    }

    @PostMapping("/api/test/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@Valid @RequestBody NewAccount account) {
        return Map.of("id", Ids.newId().toString(), "email", account.email());
    }

    /** Answers a secret shown once (like a client secret): must never be stored for Idempotency-Key replays. */
    @PostMapping("/api/test/secrets")
    org.springframework.http.ResponseEntity<Map<String, Object>> secret() {
        return org.springframework.http.ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .body(Map.of("secret", UUID.randomUUID().toString()));
    }

    @PostMapping("/api/test/widgets")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> widget(@RequestBody Map<String, String> body) {
        return Map.of("id", widgets.create(body.getOrDefault("name", "widget")).toString());
    }

    @GetMapping("/api/test/things/{id}")
    Map<String, Object> thing(@PathVariable UUID id) {
        throw ProblemException.notFound("thing", id);
    }

    @PostMapping("/api/test/conflict")
    void conflict() {
        throw ProblemException.conflict("the thing is already running");
    }

    @GetMapping("/api/test/admin-only")
    Map<String, Object> adminOnly() {
        Principals.requirePermission("things.admin");
        return Map.of("ok", true);
    }

    @GetMapping("/api/test/busy")
    void busy() {
        throw ProblemException.rateLimited(Duration.ofSeconds(7));
    }

    @GetMapping("/api/test/boom")
    void boom() {
        throw new IllegalStateException("SELECT secret FROM users -- internal detail that must not leak");
    }
}
