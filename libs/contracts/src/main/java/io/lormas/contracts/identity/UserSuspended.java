package io.lormas.contracts.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** A user may no longer sign in or act; resource services suspend what the user owns. */
@EventType(name = "identity.user.suspended", stream = "identity.user")
public record UserSuspended(UUID userId, @Nullable String reason) implements LormasEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
