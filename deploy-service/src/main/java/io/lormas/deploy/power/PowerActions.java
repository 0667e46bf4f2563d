package io.lormas.deploy.power;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.deploy.activity.Actor;
import io.lormas.deploy.server.PowerSignal;
import io.lormas.deploy.server.Server;
import io.lormas.deploy.server.ServerConflict;
import io.lormas.deploy.server.ServerManagement;
import io.lormas.deploy.server.ServerState;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.web.ProblemException;

/**
 * Power signals as wings takes them: accepted at once (202) when the server's state allows them, carried out by
 * the agent, and the state follows its results. The agent holds a power lock per server that kill bypasses, so a
 * hanging stop can always be ended.
 */
@Service
public class PowerActions {

    private final ServerManagement servers;

    PowerActions(ServerManagement servers) {
        this.servers = servers;
    }

    /**
     * @throws ProblemException 404 unknown or invisible, 403 without the signal's permission, 409 when the state
     *         does not allow the signal
     */
    @Transactional
    public Server signal(UUID serverId, PowerSignal signal, LormasPrincipal principal) {
        Server server = servers.lockFor(serverId, principal, signal.permission());
        ServerState before = server.state();
        try {
            server.requestPower(signal);
        } catch (ServerConflict conflict) {
            throw ProblemException.conflict(conflict.getMessage());
        }
        servers.flush(server, before, Actor.current(), "server.power." + signal.wire(), Map.of());
        return server;
    }
}
