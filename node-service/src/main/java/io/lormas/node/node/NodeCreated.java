package io.lormas.node.node;

import java.util.UUID;

/** Inside node-service only (a Spring application event): a node was created; listeners act after the commit. */
public record NodeCreated(UUID nodeId) {
}
