package io.lormas.contracts.identity;

import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** A user account was removed. */
@EventType(name = "identity.user.deleted", stream = "identity.user")
public record UserDeleted(UUID userId) implements LormasEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
