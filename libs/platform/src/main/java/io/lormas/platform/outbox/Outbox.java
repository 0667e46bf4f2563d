package io.lormas.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.EventEnvelope;
import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;
import io.lormas.platform.id.Ids;
import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.platform.tracing.TraceContext;

/**
 * The only way a service publishes: a row written in the caller's transaction, so the message exists exactly
 * when the state change committed. {@link OutboxRelay} publishes it afterwards (at least once; consumers
 * deduplicate by event id).
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PulsarSettings pulsar;
    private final TraceContext trace;
    private final Runnable wakeRelay;

    public Outbox(JdbcClient jdbc, JsonMapper json, PulsarSettings pulsar, TraceContext trace, Runnable wakeRelay) {
        this.jdbc = jdbc;
        this.json = json;
        this.pulsar = pulsar;
        this.trace = trace;
        this.wakeRelay = wakeRelay;
    }

    /**
     * Records an event for its stream's topic, keyed by its aggregate id.
     *
     * @return the envelope as it will be published
     * @throws IllegalStateException outside a transaction (the event could be lost or published for a change
     *         that never committed)
     */
    public EventEnvelope<LormasEvent> publish(LormasEvent event) {
        EventType type = LormasEvent.typeOf(event.getClass());
        EventEnvelope<LormasEvent> envelope = new EventEnvelope<>(Ids.newId(), type.name(), type.version(),
                Instant.now(), event.aggregateId(), trace.currentTraceparent(), event);
        enqueue(envelope.id(), pulsar.eventTopic(type.stream()), envelope.aggregateId(), envelope.type(),
                json.writeValueAsString(envelope), envelope.traceparent());
        return envelope;
    }

    /**
     * Records a message whose body is already encoded, e.g. an agent command for a node's topic or a replayed
     * dead letter.
     */
    public void send(UUID id, String topic, String key, String type, String body) {
        enqueue(id, topic, key, type, body, trace.currentTraceparent());
    }

    private void enqueue(UUID id, String topic, String key, String type, String body, @Nullable String traceparent) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox messages must be written inside a transaction (@Transactional)");
        }
        jdbc.sql("""
                insert into outbox_message (id, topic, message_key, message_type, body, traceparent)
                values (?, ?, ?, ?, ?, ?)
                """).params(id, topic, key, type, body, traceparent).update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeRelay.run();
                }
            });
        }
    }
}
