package io.lormas.node.presence;

import java.util.UUID;

/**
 * Inside node-service only (a Spring application event, after the commit): the node was marked offline because
 * session {@code epoch} stopped sending heartbeats. A replica still holding that session closes it.
 */
public record PresenceExpired(UUID nodeId, long epoch) {
}
