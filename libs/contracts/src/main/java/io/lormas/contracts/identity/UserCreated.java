package io.lormas.contracts.identity;

import java.util.List;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** A user account exists. {@code status} is {@code active} or {@code suspended}. */
@EventType(name = "identity.user.created", stream = "identity.user")
public record UserCreated(UUID userId, String email, List<String> roles, String status) implements LormasEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
