package io.lormas.contracts.identity;

import java.util.List;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** A user's email, roles or status changed; carries the current values. */
@EventType(name = "identity.user.updated", stream = "identity.user")
public record UserUpdated(UUID userId, String email, List<String> roles, String status) implements LormasEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
