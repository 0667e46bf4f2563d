package io.lormas.deploy.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.lormas.contracts.agent.Command.Action;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.ContainerEvent;
import io.lormas.contracts.node.AgentCommandCompleted;
import io.lormas.contracts.node.AgentContainerEventReported;
import io.lormas.deploy.activity.ActivityLog;
import io.lormas.deploy.activity.Actor;
import io.lormas.platform.events.EventHandler;

/**
 * What agents report, as node-service relays it: command results (matched by the command id deploy-service
 * issued) and container events. Each is applied to its server in the handler's transaction, once per event
 * (inbox), and a duplicate result of one command changes nothing either (the command row records the first).
 */
@Component
class AgentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(AgentOutcomes.class);

    private final Commands commands;
    private final ServerManagement servers;
    private final ActivityLog activity;

    AgentOutcomes(Commands commands, ServerManagement servers, ActivityLog activity) {
        this.commands = commands;
        this.servers = servers;
        this.activity = activity;
    }

    @EventHandler
    void on(AgentCommandCompleted event) {
        UUID commandId;
        try {
            commandId = UUID.fromString(event.commandId());
        } catch (IllegalArgumentException e) {
            log.warn("result of command '{}' from node {} is not ours", event.commandId(), event.nodeId());
            return;
        }
        CommandRow command = commands.findById(commandId).orElse(null);
        if (command == null) {
            return; // reconcile requests and console input are not tracked
        }
        if (!command.nodeId().equals(event.nodeId())) {
            log.warn("node {} answered command {} that was sent to node {}; ignored", event.nodeId(), commandId,
                    command.nodeId());
            return;
        }
        boolean success = event.status() == CommandResult.Status.SUCCESS;
        String errorCode = event.error() == null ? null : event.error().code();
        String errorMessage = event.error() == null ? null : event.error().message();
        if (commands.complete(commandId, success ? "succeeded" : "failed", errorCode, errorMessage) == 0) {
            return; // a duplicate result
        }
        Action action = command.actionValue();
        servers.lock(command.serverId()).ifPresent(server -> {
            ServerState before = server.state();
            boolean moved = server.commandCompleted(commandId, action, success, command.followUps(),
                    command.lifecycleBeforeValue(), errorCode, event.at());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("commandId", commandId.toString());
            details.put("action", AgentCommands.wire(action));
            if (!success) {
                details.put("error", errorCode);
                details.put("message", errorMessage);
            }
            if (!success || action == Action.INSTALL || action == Action.DELETE || before != server.state()) {
                String name = success ? "server.command.succeeded" : "server.command.failed";
                servers.flush(server, before, Actor.SYSTEM, name, details);
            } else {
                servers.flush(server, before, Actor.SYSTEM, null, details);
            }
            if (!moved) {
                log.debug("result of superseded command {} ({}) of server {} recorded", commandId, action, server.id());
            }
        });
    }

    @EventHandler
    void on(AgentContainerEventReported event) {
        UUID serverId;
        try {
            serverId = UUID.fromString(event.serverId());
        } catch (IllegalArgumentException e) {
            return;
        }
        servers.lock(serverId).ifPresent(server -> {
            if (!server.nodeId().equals(event.nodeId())) {
                return; // a container of this server on another node is not the server
            }
            ServerState before = server.state();
            Instant at = event.at();
            boolean moved = server.containerReported(event.event(), event.exitCode(), event.causedByAgent(), at,
                    servers.crashPolicy());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("event", event.event().name().toLowerCase(java.util.Locale.ROOT));
            if (event.exitCode() != null) {
                details.put("exitCode", event.exitCode());
            }
            if (event.message() != null) {
                details.put("message", event.message());
            }
            boolean notable = moved || event.event() == ContainerEvent.Kind.DISK_EXCEEDED
                    || event.event() == ContainerEvent.Kind.OOM;
            servers.flush(server, before, Actor.SYSTEM, notable ? "server.container." + details.get("event") : null,
                    details);
        });
    }
}
