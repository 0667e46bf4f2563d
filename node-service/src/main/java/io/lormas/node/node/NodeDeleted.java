package io.lormas.node.node;

import java.util.UUID;

/**
 * Inside node-service only (a Spring application event): a node was deleted. Listeners act after the commit,
 * e.g. closing its agent's session on whichever replica holds it.
 */
public record NodeDeleted(UUID nodeId) {
}
