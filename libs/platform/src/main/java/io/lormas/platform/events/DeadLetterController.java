package io.lormas.platform.events;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.platform.security.Principals;
import io.lormas.platform.web.ProblemException;

/**
 * Operators' view of dead letters: {@code GET <path>} lists, {@code POST <path>/{id}/replay} sends one again.
 * Needs the {@code platform.dead-letters} permission (admins have it). The path is
 * {@code lormas.events.dead-letters-path}, e.g. {@code /api/catalog/admin/dead-letters}.
 */
@RestController
@RequestMapping("${lormas.events.dead-letters-path:/admin/dead-letters}")
class DeadLetterController {

    static final String PERMISSION = "platform.dead-letters";

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record Page(List<DeadLetters.DeadLetter> items, @Nullable String next) {
    }

    @GetMapping
    Page list(@RequestParam(required = false) @Nullable UUID cursor, @RequestParam(defaultValue = "50") int limit) {
        Principals.requirePermission(PERMISSION);
        if (limit < 1 || limit > 500) {
            throw ProblemException.badRequest("limit must be between 1 and 500");
        }
        List<DeadLetters.DeadLetter> items = deadLetters.list(cursor, limit);
        return new Page(items, items.size() == limit ? items.getLast().id().toString() : null);
    }

    @PostMapping("/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeadLetters.DeadLetter replay(@PathVariable UUID id) {
        Principals.requirePermission(PERMISSION);
        return deadLetters.replay(id);
    }
}
