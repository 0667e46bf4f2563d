package io.lormas.deploy.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.EventEnvelope;
import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;
import io.lormas.contracts.Money;
import io.lormas.contracts.catalog.EggDefinition;
import io.lormas.contracts.catalog.EggPublished;
import io.lormas.contracts.catalog.PlanPublished;
import io.lormas.contracts.identity.GrantChanged;
import io.lormas.platform.id.Ids;
import io.lormas.platform.pulsar.PulsarSettings;

/**
 * The other services, as deploy-service hears them: event envelopes published on their streams exactly as their
 * outbox relays would (key = aggregate id, {@code lormas-type} property, JSON envelope).
 */
public final class Platform implements AutoCloseable {

    public static final String IMAGE = "localhost/lormas/busybox:latest";

    private final PulsarClient pulsar;
    private final PulsarSettings settings;
    private final JsonMapper json;
    private final Map<String, Producer<byte[]>> producers = new ConcurrentHashMap<>();

    public Platform(PulsarClient pulsar, PulsarSettings settings, JsonMapper json) {
        this.pulsar = pulsar;
        this.settings = settings;
        this.json = json;
    }

    public PulsarSettings settings() {
        return settings;
    }

    public JsonMapper json() {
        return json;
    }

    public PulsarClient pulsar() {
        return pulsar;
    }

    /** Publishes one event as its owning service would. */
    public UUID publish(LormasEvent event) {
        EventType type = LormasEvent.typeOf(event.getClass());
        UUID id = Ids.newId();
        EventEnvelope<LormasEvent> envelope = new EventEnvelope<>(id, type.name(), type.version(), Instant.now(),
                event.aggregateId(), null, event);
        try {
            producer(settings.eventTopic(type.stream())).newMessage().key(event.aggregateId())
                    .property("lormas-id", id.toString()).property("lormas-type", type.name())
                    .value(json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8)).send();
        } catch (PulsarClientException e) {
            throw new IllegalStateException("publishing " + type.name() + " failed", e);
        }
        return id;
    }

    private Producer<byte[]> producer(String topic) {
        return producers.computeIfAbsent(topic, t -> {
            try {
                return pulsar.newProducer(Schema.BYTES).topic(t).enableBatching(false).create();
            } catch (PulsarClientException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ------------------------------------------------------------------ catalog

    /** A small game egg: three variables with rules, an install script, a console stop command. */
    public static EggDefinition egg(List<String> startupDone) {
        return new EggDefinition(
                "./run --port {{SERVER_PORT}} --motd \"{{MOTD}}\" --players {{MAX_PLAYERS}}",
                List.of(new EggDefinition.Image("Busybox", IMAGE), new EggDefinition.Image("Alt", "localhost/lormas/alt:1")),
                null, "stop", startupDone,
                List.of(new EggDefinition.ConfigFile("server.properties", "properties",
                        Map.of("server-port", "{{server.build.default.port}}"))),
                new EggDefinition.Install(IMAGE, "sh", "echo installing"),
                List.of(new EggDefinition.Variable("MOTD", "Message of the day", null, "Welcome", true, true,
                                "required|string|max:20"),
                        new EggDefinition.Variable("MAX_PLAYERS", "Max players", null, "10", true, true,
                                "required|integer|between:1,100"),
                        new EggDefinition.Variable("RCON_PASSWORD", "RCON password", null, "change-me-please", true,
                                true, "required|string|min:8")),
                List.of(), List.of(), List.of());
    }

    public UUID publishEgg(List<String> startupDone) {
        UUID eggId = Ids.newId();
        publish(new EggPublished(eggId, 1, "Test game", null, egg(startupDone)));
        return eggId;
    }

    /** A plan; ports 1. */
    public UUID publishPlan(long cpuMillis, long memoryMib, long diskMib) {
        UUID planId = Ids.newId();
        publish(new PlanPublished(planId, 1, "plan-" + memoryMib, cpuMillis, memoryMib, 0, diskMib, 500, 1, 0, 0, 1,
                new Money("0.0125", "EUR"), true, true));
        return planId;
    }

    public void grant(UUID userId, UUID serverId, UUID ownerId, Set<String> permissions) {
        publish(new GrantChanged(Ids.newId(), userId, "server", serverId, permissions, ownerId));
    }

    @Override
    public void close() {
        producers.values().forEach(Producer::closeAsync);
    }
}
