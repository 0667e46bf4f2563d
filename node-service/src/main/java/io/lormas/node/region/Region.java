package io.lormas.node.region;

import java.time.Instant;
import java.util.UUID;

/** A region row: where nodes are. {@code code} is what clients name it by (e.g. {@code eu-west}). */
public record Region(UUID id, String code, String name, Instant createdAt, Instant updatedAt, int version) {
}
