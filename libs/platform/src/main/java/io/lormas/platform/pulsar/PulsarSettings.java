package io.lormas.platform.pulsar;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import io.lormas.contracts.Topics;

/**
 * Connection to the broker and the namespaces of Lormas topics.
 *
 * @param serviceUrl e.g. {@code pulsar://127.0.0.1:6650}
 * @param eventsNamespace where event streams live; default {@code lormas/events}
 * @param agentsNamespace where per-node command topics live; default {@code lormas/agents}
 * @param operationTimeout how long one client operation (connect, lookup, send) may take
 */
@ConfigurationProperties("lormas.pulsar")
public record PulsarSettings(@Nullable String serviceUrl, @Nullable String eventsNamespace,
        @Nullable String agentsNamespace, @Nullable Duration operationTimeout) {

    public String url() {
        return serviceUrl == null || serviceUrl.isBlank() ? "pulsar://127.0.0.1:6650" : serviceUrl;
    }

    public String events() {
        return eventsNamespace == null ? Topics.EVENTS_NAMESPACE : eventsNamespace;
    }

    public String agents() {
        return agentsNamespace == null ? Topics.AGENTS_NAMESPACE : agentsNamespace;
    }

    public Duration timeout() {
        return operationTimeout == null ? Duration.ofSeconds(10) : operationTimeout;
    }

    /** The full topic of an event stream, e.g. {@code deploy.server}. */
    public String eventTopic(String stream) {
        return Topics.events(events(), stream);
    }

    /** The full command topic of a node. */
    public String agentTopic(String nodeId) {
        return Topics.agentCommands(agents(), nodeId);
    }
}
