package io.lormas.node.command;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.ContainerEvent;
import io.lormas.node.NodeServiceTest;
import io.lormas.testkit.Awaits;
import io.lormas.testkit.agent.Reply;
import io.lormas.testkit.agent.SimulatedAgent;

import static org.assertj.core.api.Assertions.assertThat;

class CommandDeliveryIT extends NodeServiceTest {

    @Test
    void deliversCommandsInOrderAndPublishesTheirResults() {
        UUID nodeId = registeredNode();
        String serverId = UUID.randomUUID().toString();
        try (SimulatedAgent agent = agent(nodeId).commands(command -> Reply.of(CommandResult.success(command.id(),
                Map.of("containerId", "c-" + command.id())))).build()) {
            agent.connect(WAIT);
            List<Command> sent = new ArrayList<>();
            for (Command.Action action : List.of(Command.Action.START, Command.Action.STOP, Command.Action.RESTART,
                    Command.Action.KILL, Command.Action.START)) {
                sent.add(sendCommand(nodeId, action, serverId));
            }

            Awaits.until(WAIT, "five commands", () -> agent.commands().size() >= 5);
            assertThat(agent.commands()).extracting(Command::id).containsExactlyElementsOf(
                    sent.stream().map(Command::id).toList());
            for (Command command : sent) {
                JsonNode completed = events.await("node.agent.command-completed", serverId,
                        p -> p.path("commandId").asString().equals(command.id()), WAIT);
                assertThat(completed.path("status").asString()).isEqualTo("success");
                assertThat(completed.path("nodeId").asString()).isEqualTo(nodeId.toString());
                assertThat(completed.path("result").path("containerId").asString()).isEqualTo("c-" + command.id());
            }
        }
    }

    @Test
    void deliversCommandsPublishedBeforeTheAgentEverConnected() {
        UUID nodeId = registeredNode();
        String serverId = UUID.randomUUID().toString();
        // the subscription is made when the node is created: wait until it exists
        Awaits.until(WAIT, "the command subscription", () -> subscriptionExists(nodeId));
        Command early = sendCommand(nodeId, Command.Action.START, serverId);
        Awaits.until(WAIT, "the command published", () -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select published_at is not null from outbox_message where id = ?", Boolean.class,
                UUID.fromString(early.id()))));

        try (SimulatedAgent agent = agent(nodeId).build()) {
            agent.connect(WAIT);

            assertThat(agent.awaitCommand(early.id(), WAIT).action()).isEqualTo(Command.Action.START);
            events.await("node.agent.command-completed", serverId, p -> p.path("commandId").asString()
                    .equals(early.id()), WAIT);
        }
    }

    @Test
    void redeliversUnansweredCommandsAfterAReconnect() {
        UUID nodeId = registeredNode();
        String serverId = UUID.randomUUID().toString();
        AtomicBoolean answering = new AtomicBoolean(false);
        SimulatedAgent agent = agent(nodeId).reconnect(Duration.ofMillis(100))
                .commands(command -> answering.get() ? Reply.success(command.id()) : Reply.none()).build();
        try {
            long firstEpoch = agent.connect(WAIT).sessionEpoch();
            Command command = sendCommand(nodeId, Command.Action.STOP, serverId);
            agent.awaitCommand(command.id(), WAIT);
            assertThat(events.events("node.agent.command-completed", serverId)).isEmpty();

            answering.set(true);
            agent.kill(); // dies between ack and result

            agent.awaitNewSession(firstEpoch, WAIT);
            Awaits.until(WAIT, "the command again", () -> agent.deliveries(command.id()) == 2);
            JsonNode completed = events.await("node.agent.command-completed", serverId,
                    p -> p.path("commandId").asString().equals(command.id()), WAIT);
            assertThat(completed.path("status").asString()).isEqualTo("success");
        } finally {
            agent.close();
        }
    }

    @Test
    void publishesFailuresAndRefusesResultsOfCommandsItNeverDelivered() {
        UUID nodeId = registeredNode();
        String serverId = UUID.randomUUID().toString();
        try (SimulatedAgent agent = agent(nodeId).commands(command -> Reply.of(CommandResult.failure(command.id(),
                "image_missing", "no such image"))).build()) {
            agent.connect(WAIT);
            Command command = sendCommand(nodeId, Command.Action.START, serverId);

            JsonNode completed = events.await("node.agent.command-completed", serverId,
                    p -> p.path("commandId").asString().equals(command.id()), WAIT);
            assertThat(completed.path("status").asString()).isEqualTo("failure");
            assertThat(completed.path("error").path("code").asString()).isEqualTo("image_missing");

            agent.send(CommandResult.success("forged-" + UUID.randomUUID(), Map.of()));
            assertThat(agent.awaitError("unknown_command", WAIT).ref()).startsWith("forged-");
        }
    }

    @Test
    void publishesContainerEventsOfItsServers() {
        UUID nodeId = registeredNode();
        String serverId = UUID.randomUUID().toString();
        try (SimulatedAgent agent = agent(nodeId).build()) {
            agent.connect(WAIT);
            Command create = sendCommand(nodeId, Command.Action.START, serverId);
            agent.awaitCommand(create.id(), WAIT);

            agent.containerEvent(serverId, ContainerEvent.Kind.OOM, 137);

            JsonNode reported = events.await("node.agent.container-event-reported", serverId, WAIT);
            assertThat(reported.path("event").asString()).isEqualTo("oom");
            assertThat(reported.path("exitCode").asInt()).isEqualTo(137);
            assertThat(reported.path("nodeId").asString()).isEqualTo(nodeId.toString());
        }
    }

    @Test
    void answersAnUndeliverableMessageWithAFailureInsteadOfBlockingTheNode() {
        UUID nodeId = registeredNode();
        String serverId = UUID.randomUUID().toString();
        try (SimulatedAgent agent = agent(nodeId).build()) {
            agent.connect(WAIT);
            UUID badId = UUID.randomUUID();
            transactions.executeWithoutResult(status -> outbox.send(badId, pulsarSettings.agentTopic(nodeId.toString()),
                    serverId, "agent.command.start", "{\"type\":\"command\",\"id\":\"x\"}"));
            Command after = sendCommand(nodeId, Command.Action.START, serverId);

            JsonNode failed = events.await("node.agent.command-completed", serverId,
                    p -> p.path("commandId").asString().equals(badId.toString()), WAIT);
            assertThat(failed.path("error").path("code").asString()).isEqualTo("invalid_command");
            assertThat(agent.awaitCommand(after.id(), WAIT)).isNotNull();
        }
    }

    @Value("${lormas.test.pulsar-web-url}")
    String pulsarWebUrl;

    /** Asks the broker's admin API whether the node's topic has node-service's subscription. */
    private boolean subscriptionExists(UUID nodeId) {
        String topic = pulsarSettings.agentTopic(nodeId.toString()).replace("persistent://", "");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(pulsarWebUrl + "/admin/v2/persistent/" + topic + "/subscriptions")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("node-service");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
