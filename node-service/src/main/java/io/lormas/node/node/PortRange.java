package io.lormas.node.node;

import java.util.UUID;

/** Ports {@code portFrom..portTo} (inclusive) a node offers on one IP; a row of node_port_range. */
public record PortRange(UUID nodeId, String ip, int portFrom, int portTo) {
}
