package io.lormas.node.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.JsonNode;

import io.lormas.contracts.agent.Command;
import io.lormas.node.NodeServiceTest;
import io.lormas.testkit.Awaits;
import io.lormas.testkit.agent.SimulatedAgent;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleFanoutIT extends NodeServiceTest {

    @Autowired
    RedisConnectionFactory connections;

    @Test
    void fansConsoleAndStatsOutThroughRedisAndKeepsTheLast200Lines() throws Exception {
        UUID nodeId = registeredNode();
        String serverId = UUID.randomUUID().toString();
        List<JsonNode> frames = new CopyOnWriteArrayList<>();
        RedisMessageListenerContainer listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(connections);
        listener.addMessageListener((message, pattern) -> frames.add(io.lormas.node.Api.JSON.readTree(
                new String(message.getBody(), StandardCharsets.UTF_8))), new ChannelTopic(
                "lormas:server:" + serverId + ":console"));
        listener.afterPropertiesSet();
        listener.start();
        try (SimulatedAgent agent = agent(nodeId).build()) {
            agent.connect(WAIT);
            Command start = sendCommand(nodeId, Command.Action.START, serverId); // the server is placed here
            agent.awaitCommand(start.id(), WAIT);
            Awaits.until(WAIT, "the subscription of the test", () -> listener.isRunning());

            for (int batch = 0; batch < 3; batch++) {
                String[] lines = new String[100];
                for (int i = 0; i < 100; i++) {
                    lines[i] = "line " + (batch * 100 + i);
                }
                agent.console(serverId, lines).get();
            }
            agent.stats(serverId, 42.5, 1024);

            Awaits.until(WAIT, "three console frames and a stats frame", () -> frames.size() >= 4);
            assertThat(frames.getFirst().path("event").asString()).isEqualTo("console");
            assertThat(frames.getFirst().path("lines").get(0).asString()).isEqualTo("line 0");
            JsonNode stats = frames.stream().filter(f -> f.path("event").asString().equals("stats")).findFirst()
                    .orElseThrow();
            assertThat(stats.path("cpuPercent").asDouble()).isEqualTo(42.5);
            List<String> recent = redis.opsForList().range("lormas:server:" + serverId + ":console:recent", 0, -1);
            assertThat(recent).hasSize(200);
            assertThat(recent.getFirst()).isEqualTo("line 100");
            assertThat(recent.getLast()).isEqualTo("line 299");
        } finally {
            listener.stop();
            listener.destroy();
        }
    }
}
