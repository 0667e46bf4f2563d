package io.lormas.node.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param subscription the Failover subscription on every node's command topic
 * @param prefetch commands fetched ahead per node (Pulsar receiver queue); small, there are many nodes
 * @param reportWriters threads writing agents' reports to the outbox in batches (each node's reports use one)
 */
@ConfigurationProperties("lormas.node.commands")
public record CommandSettings(@DefaultValue("node-service") String subscription, @DefaultValue("32") int prefetch,
        @DefaultValue("4") int reportWriters) {
}
