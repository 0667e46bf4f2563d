package io.lormas.contracts.identity;

import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** A suspended user is active again. */
@EventType(name = "identity.user.unsuspended", stream = "identity.user")
public record UserUnsuspended(UUID userId) implements LormasEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
