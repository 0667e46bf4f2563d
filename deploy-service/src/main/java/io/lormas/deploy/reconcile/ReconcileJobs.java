package io.lormas.deploy.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.deploy.activity.Actor;
import io.lormas.deploy.node.NodeRow;
import io.lormas.deploy.node.Nodes;
import io.lormas.deploy.server.AgentCommands;
import io.lormas.deploy.server.CommandRow;
import io.lormas.deploy.server.Commands;
import io.lormas.deploy.server.ServerManagement;
import io.lormas.deploy.server.ServerSettings;
import io.lormas.deploy.server.ServerState;
import io.lormas.deploy.server.Servers;

/**
 * The periodic half of reconciliation, safe with several replicas (rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}): restarts crashed servers whose backoff has passed, gives up on commands that
 * got no result in time (the server goes back to what it was doing; the next inventory tells the truth), and asks
 * every online node for its inventory once per interval.
 */
@Component
class ReconcileJobs {

    private static final Logger log = LoggerFactory.getLogger(ReconcileJobs.class);
    private static final int BATCH = 50;
    private static final List<String> POWER_ACTIONS = List.of("start", "stop", "restart", "kill", "create", "delete");

    private final TransactionTemplate transactions;
    private final Servers servers;
    private final Commands commands;
    private final Nodes nodes;
    private final ServerManagement management;
    private final AgentCommands agentCommands;
    private final ServerSettings serverSettings;
    private final ReconcileSettings settings;

    ReconcileJobs(TransactionTemplate transactions, Servers servers, Commands commands, Nodes nodes,
            ServerManagement management, AgentCommands agentCommands, ServerSettings serverSettings,
            ReconcileSettings settings) {
        this.transactions = transactions;
        this.servers = servers;
        this.commands = commands;
        this.nodes = nodes;
        this.management = management;
        this.agentCommands = agentCommands;
        this.serverSettings = serverSettings;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${lormas.deploy.reconcile.jobs-interval:2s}",
            initialDelayString = "${lormas.deploy.reconcile.jobs-interval:2s}")
    void run() {
        try {
            restartCrashed();
            timeOutCommands();
            requestInventories();
        } catch (RuntimeException e) {
            log.warn("reconcile jobs failed, retrying next round: {}", e.toString());
        }
    }

    /** @return how many servers were restarted */
    int restartCrashed() {
        Integer restarted = transactions.execute(status -> {
            Instant now = Instant.now();
            int count = 0;
            for (UUID id : servers.restartsDue(now, BATCH)) {
                var server = management.lock(id).orElse(null);
                if (server == null) {
                    continue;
                }
                ServerState before = server.state();
                if (server.restartIfDue(now)) {
                    management.flush(server, before, Actor.SYSTEM, "server.power.start",
                            Map.of("automatic", true, "reason", "crash restart " + server.crashCount()));
                    count++;
                }
            }
            return count;
        });
        return restarted == null ? 0 : restarted;
    }

    int timeOutCommands() {
        Integer timedOut = transactions.execute(status -> {
            Instant now = Instant.now();
            int count = 0;
            count += timeOut(commands.overdue(now.minus(serverSettings.commandTimeoutOrDefault()), POWER_ACTIONS, BATCH));
            count += timeOut(commands.overdue(now.minus(serverSettings.installTimeoutOrDefault()), List.of("install"),
                    BATCH));
            return count;
        });
        return timedOut == null ? 0 : timedOut;
    }

    private int timeOut(List<CommandRow> overdue) {
        int count = 0;
        for (CommandRow command : overdue) {
            boolean nodeOnline = nodes.findById(command.nodeId()).map(NodeRow::online).orElse(false);
            if (!nodeOnline) {
                continue; // waiting in the node's topic; the agent gets it when it is back
            }
            commands.timeOut(command.id());
            var server = management.lock(command.serverId()).orElse(null);
            if (server == null) {
                continue;
            }
            ServerState before = server.state();
            if (server.commandTimedOut(command.id(), command.actionValue(), command.lifecycleBeforeValue(),
                    Instant.now())) {
                management.flush(server, before, Actor.SYSTEM, "server.command.timed-out",
                        Map.of("commandId", command.id().toString(), "action", command.action()));
                count++;
            }
        }
        return count;
    }

    int requestInventories() {
        Duration interval = settings.intervalOrDefault();
        Integer asked = transactions.execute(status -> {
            List<UUID> due = nodes.dueForReconcile(Instant.now().minus(interval), BATCH);
            for (UUID nodeId : due) {
                agentCommands.requestInventory(nodeId);
                nodes.reconcileRequested(nodeId);
            }
            return due.size();
        });
        return asked == null ? 0 : asked;
    }
}
