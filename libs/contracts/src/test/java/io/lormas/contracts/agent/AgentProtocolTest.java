package io.lormas.contracts.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AgentProtocolTest {

    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");
    private static final String SERVER = "0195f3a0-0000-7000-8000-000000000001";

    static ServerSpec spec() {
        return new ServerSpec("owner-1", "localhost/lormas/busybox:latest", List.of("/bin/sh", "-c", "cat"),
                Map.of("SERVER_PORT", "25565"), new ServerSpec.Limits(500, 256, 0, 1024, 128, 500),
                List.of(new ServerSpec.Allocation("127.0.0.1", 25565)), List.of("NET_BIND_SERVICE"),
                new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.COMMAND, "stop", 30),
                new ServerSpec.InstallSpec("localhost/lormas/busybox:latest", "/bin/sh", "echo installed"),
                List.of(new ServerSpec.ConfigFile("server.properties", "properties", Map.of("server-port", "25565"))),
                List.of("Done ("));
    }

    static Stream<AgentMessage> everyMessage() {
        return Stream.of(
                new Hello(1, "0.1.0", List.of("docker", "build"),
                        new HostFacts("node-1", "Debian 12", "6.1", "amd64", "EPYC", 2, 24_000, 200_000, "podman", "4.3.1")),
                new Heartbeat(AT, new ResourceUsage(12.5, 1000, 24000, 5000, 200000),
                        List.of(new ContainerStatus(SERVER, "abc123", "running", "img", null, AT))),
                new Inventory(List.of(new ContainerStatus(SERVER, "abc123", "exited", "img", 137, AT))),
                new Ack("cmd-1"),
                CommandResult.success("cmd-1", Map.of("containerId", "abc123")),
                CommandResult.failure("cmd-2", "image_missing", "image localhost/x is not present on this node"),
                new ContainerEvent(SERVER, ContainerEvent.Kind.DIED, 137, false, AT, "probable OOM kill"),
                new ContainerEvent(SERVER, ContainerEvent.Kind.READY, null, false, AT, "startup done"),
                new Console(SERVER, Console.Source.INSTALL, List.of("line 1", "line 2"), 3),
                new Stats(SERVER, AT, 3.5, 1024, 4096, 10, 20, 30),
                new Welcome("node-1", 7L, 10, 1),
                new Command("cmd-3", Command.Action.CREATE, SERVER, spec(), null, null, null, null, null, AT),
                new Command("cmd-4", Command.Action.CONSOLE_INPUT, SERVER, null, "say hi", null, null, null, null, AT),
                new Command("cmd-5", Command.Action.BUILD, null, null, null, null, null, null,
                        new BuildSpec("https://example.test/ctx.tar", null, "localhost/app:1", Map.of()), AT),
                Command.of("cmd-6", Command.Action.STOP, SERVER, AT),
                new ProtocolError("malformed", "malformed JSON", null));
    }

    @ParameterizedTest
    @MethodSource("everyMessage")
    void roundTripsEveryMessage(AgentMessage message) {
        String json = AgentProtocol.encode(message);

        AgentMessage decoded = AgentProtocol.decode(json);

        assertThat(decoded).isEqualTo(message);
        assertThat(json).contains("\"type\":");
    }

    @Test
    void writesTheSeedsCommandResultShape() {
        String json = AgentProtocol.encode(CommandResult.success("command-uuid", Map.of("containerId", "x")));

        assertThat(json).contains("\"type\":\"command_result\"", "\"commandId\":\"command-uuid\"",
                "\"status\":\"success\"", "\"result\":{\"containerId\":\"x\"}");
    }

    @Test
    void readsACommandWrittenByHand() {
        String frame = """
                {"type":"command","id":"c1","action":"console_input","serverId":"s1","input":"stop",
                 "issuedAt":"2026-11-23T12:00:00Z","somethingNew":true}
                """;

        AgentMessage.ToAgent message = AgentProtocol.decodeToAgent(frame);

        assertThat(message).isInstanceOfSatisfying(Command.class, command -> {
            assertThat(command.action()).isEqualTo(Command.Action.CONSOLE_INPUT);
            assertThat(command.input()).isEqualTo("stop");
        });
    }

    @Test
    void rejectsUnknownTypeNamingIt() {
        assertThatThrownBy(() -> AgentProtocol.decodeFromAgent("{\"type\":\"teleport\"}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo("unknown_type"))
                .hasMessageContaining("unknown message type 'teleport'")
                .hasMessageContaining("heartbeat");
    }

    @Test
    void rejectsMissingType() {
        assertThatThrownBy(() -> AgentProtocol.decodeFromAgent("{\"commandId\":\"c1\"}"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("missing 'type'");
    }

    @Test
    void rejectsMissingRequiredFieldNamingIt() {
        assertThatThrownBy(() -> AgentProtocol.decodeFromAgent("{\"type\":\"ack\"}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo("invalid"))
                .hasMessageContaining("'ack'")
                .hasMessageContaining("'commandId' is required");
    }

    @Test
    void rejectsCommandMissingWhatItsActionNeeds() {
        String frame = """
                {"type":"command","id":"c1","action":"create","serverId":"s1","issuedAt":"2026-11-23T12:00:00Z"}
                """;

        assertThatThrownBy(() -> AgentProtocol.decodeToAgent(frame))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("'spec' is required");
    }

    @Test
    void rejectsUnknownAction() {
        String frame = """
                {"type":"command","id":"c1","action":"format_disk","serverId":"s1","issuedAt":"2026-11-23T12:00:00Z"}
                """;

        assertThatThrownBy(() -> AgentProtocol.decodeToAgent(frame))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("action");
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> AgentProtocol.decodeFromAgent("{\"type\":\"ack\","))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo("malformed"));
    }

    @Test
    void rejectsFramesSentTheWrongWay() {
        String command = AgentProtocol.encode(Command.of("c1", Command.Action.START, SERVER, AT));

        assertThatThrownBy(() -> AgentProtocol.decodeFromAgent(command))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo("wrong_direction"));
    }

    @Test
    void rejectsInvalidEnvironmentKeys() {
        assertThatThrownBy(() -> new ServerSpec("o", "img", List.of(), Map.of("bad-key", "v"),
                new ServerSpec.Limits(1, 1, 0, 1, 1, 1), List.of(), List.of(),
                new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.SIGNAL, "SIGTERM", 10), null, List.of(), List.of()))
                .hasMessageContaining("environment key 'bad-key' is invalid");
    }

    @Test
    void rejectsMultiLineConsoleInput() {
        assertThatThrownBy(() -> new Command("c", Command.Action.CONSOLE_INPUT, SERVER, null, "a\nb", null, null,
                null, null, AT)).hasMessageContaining("one line");
    }
}
