package io.lormas.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What travels on every event topic: the facts about one event plus its payload record.
 *
 * @param id unique per event; consumers deduplicate on it
 * @param type past-tense event name, {@code <service>.<aggregate>.<what-happened>}
 * @param version payload schema version, raised on incompatible changes
 * @param occurredAt when the state change committed
 * @param aggregateId the aggregate the event is about; also the Pulsar message key
 * @param traceparent W3C trace context of the request that caused the event, if any
 * @param payload the event record (see {@link EventType})
 */
public record EventEnvelope<P>(
        UUID id,
        String type,
        int version,
        Instant occurredAt,
        String aggregateId,
        @Nullable String traceparent,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(type, "type is required");
        Objects.requireNonNull(occurredAt, "occurredAt is required");
        Objects.requireNonNull(aggregateId, "aggregateId is required");
        Objects.requireNonNull(payload, "payload is required");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }
}
