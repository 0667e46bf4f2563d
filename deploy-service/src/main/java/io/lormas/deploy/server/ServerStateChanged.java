package io.lormas.deploy.server;

import java.util.UUID;

/** In-process: a server's wire state changed (published inside the transaction; listeners act after commit). */
public record ServerStateChanged(UUID serverId, ServerState state) {
}
