package io.lormas.deploy.variable.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.deploy.server.web.Page;
import io.lormas.platform.security.Principals;

/** A server's variables: {@code startup.read} to list (secrets masked), {@code startup.update} to change. */
@RestController
class VariableController {

    private final VariableEditing editing;

    VariableController(VariableEditing editing) {
        this.editing = editing;
    }

    @GetMapping("/api/servers/{id}/variables")
    Page<VariableEditing.VariableView> list(@PathVariable UUID id) {
        return new Page<>(editing.list(id, Principals.require()), null);
    }

    /** @param secret null keeps the variable's current secrecy */
    record SetVariable(@NotNull @Size(max = 8192) String value, @Nullable Boolean secret) {
    }

    @PutMapping("/api/servers/{id}/variables/{name}")
    VariableEditing.VariableView set(@PathVariable UUID id, @PathVariable String name,
            @Valid @RequestBody SetVariable request) {
        return editing.set(id, name, request.value(), request.secret(), Principals.require());
    }

    @DeleteMapping("/api/servers/{id}/variables/{name}")
    ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable String name) {
        editing.delete(id, name, Principals.require());
        return ResponseEntity.noContent().build();
    }

}
