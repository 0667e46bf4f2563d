package io.lormas.platform.pulsar;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import io.lormas.platform.events.EventConsumers;
import io.lormas.platform.events.EventsAutoConfiguration;
import io.lormas.platform.outbox.OutboxAutoConfiguration;
import io.lormas.platform.outbox.OutboxRelay;

/**
 * Health component {@code pulsar}: down while the outbox relay cannot publish or a consumer is disconnected.
 * The readiness group includes it (see lormas-platform-defaults.properties).
 */
@AutoConfiguration(after = { OutboxAutoConfiguration.class, EventsAutoConfiguration.class })
@ConditionalOnClass(HealthIndicator.class)
public class PulsarHealthAutoConfiguration {

    @Bean(name = "pulsarHealthIndicator")
    HealthIndicator pulsarHealthIndicator(ObjectProvider<OutboxRelay> relay, ObjectProvider<EventConsumers> consumers) {
        return () -> {
            OutboxRelay outboxRelay = relay.getIfAvailable();
            EventConsumers eventConsumers = consumers.getIfAvailable();
            boolean publishing = outboxRelay == null || outboxRelay.brokerReachable();
            boolean consuming = eventConsumers == null || eventConsumers.connected();
            Health.Builder health = publishing && consuming ? Health.up() : Health.down();
            if (outboxRelay != null) {
                health.withDetail("outboxPending", outboxRelay.pendingCount()).withDetail("publishing", publishing);
            }
            if (eventConsumers != null) {
                health.withDetail("subscription", eventConsumers.subscription()).withDetail("consuming", consuming);
            }
            return health.build();
        };
    }
}
