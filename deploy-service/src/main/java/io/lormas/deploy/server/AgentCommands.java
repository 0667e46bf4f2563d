package io.lormas.deploy.server;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.Command.Action;
import io.lormas.platform.id.Ids;
import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.pulsar.PulsarSettings;

/**
 * Sends commands to a node's agent: written to the outbox (topic {@code <agents>/<nodeId>}, key = server id) in
 * the transaction that decided them, so a command exists exactly when the state change that needs it committed,
 * and survives any crash before it is published. The agent executes a command id once.
 */
@Component
public class AgentCommands {

    private final Outbox outbox;
    private final PulsarSettings pulsar;
    private final Commands commands;
    private final ServerSpecs specs;
    private final ServerSettings settings;

    AgentCommands(Outbox outbox, PulsarSettings pulsar, Commands commands, ServerSpecs specs, ServerSettings settings) {
        this.outbox = outbox;
        this.pulsar = pulsar;
        this.commands = commands;
        this.specs = specs;
        this.settings = settings;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void issue(Server server, AgentOrder order) {
        issue(server, order, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void issue(Server server, AgentOrder order, ServerSpecs.@org.jspecify.annotations.Nullable Known known) {
        Instant now = Instant.now();
        String id = order.commandId().toString();
        String serverId = server.id().toString();
        Command command = switch (order.action()) {
            case INSTALL, CREATE -> new Command(id, order.action(), serverId, specs.build(server, known), null, null, null, null,
                    null, now);
            case STOP, RESTART -> new Command(id, order.action(), serverId, null, null, null, null,
                    settings.stopTimeoutSeconds(), null, now);
            case DELETE -> new Command(id, order.action(), serverId, null, null, null, order.removeData(), null, null,
                    now);
            default -> Command.of(id, order.action(), serverId, now);
        };
        send(server.nodeId(), serverId, command);
        commands.insert(new CommandRow(order.commandId(), server.id(), server.nodeId(), wire(order.action()),
                order.lifecycleBefore() == null ? null : order.lifecycleBefore().wire(),
                order.followUps().isEmpty() ? null
                        : order.followUps().stream().map(AgentCommands::wire).collect(Collectors.joining(",")),
                "sent", null, null, now, null));
    }

    /** One console line for a server's process. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID consoleInput(UUID serverId, UUID nodeId, String line) {
        UUID commandId = Ids.newId();
        Instant now = Instant.now();
        send(nodeId, serverId.toString(), new Command(commandId.toString(), Action.CONSOLE_INPUT, serverId.toString(),
                null, line, null, null, null, null, now));
        return commandId;
    }

    /** Asks a node's agent for its full inventory (it answers with an inventory the node reports as an event). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requestInventory(UUID nodeId) {
        UUID commandId = Ids.newId();
        send(nodeId, nodeId.toString(), new Command(commandId.toString(), Action.RECONCILE, null, null, null, null, null,
                null, null, Instant.now()));
    }

    /** Stops a container the control plane does not know (found in an inventory); its data is left alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stopUnknown(UUID nodeId, String serverId) {
        UUID commandId = Ids.newId();
        send(nodeId, serverId, new Command(commandId.toString(), Action.STOP, serverId, null, null, null, null,
                settings.stopTimeoutSeconds(), null, Instant.now()));
    }

    private void send(UUID nodeId, String key, Command command) {
        outbox.send(UUID.fromString(command.id()), pulsar.agentTopic(nodeId.toString()), key,
                "agent.command." + wire(command.action()), AgentProtocol.encode(command));
    }

    static String wire(Action action) {
        return action.name().toLowerCase(Locale.ROOT);
    }
}
