package io.lormas.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.Console;
import io.lormas.contracts.agent.ContainerEvent;
import io.lormas.contracts.agent.ServerSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers driven through the agent protocol against a real engine. */
@SuppressWarnings("unchecked")
class ServerLifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path root;

    static String dockerHost;
    static FakeControlPlane controlPlane;
    static RunningAgent agent;

    @BeforeAll
    static void startAgent() {
        dockerHost = TestEngine.dockerHost();
        controlPlane = FakeControlPlane.start();
        agent = RunningAgent.start(controlPlane, root, dockerHost, Map.of());
        controlPlane.await(io.lormas.contracts.agent.Inventory.class, i -> true, 0, WAIT);
    }

    @AfterAll
    static void stopAgent() {
        if (agent != null) {
            agent.close();
        }
        if (controlPlane != null) {
            controlPlane.close();
            TestEngine.removeEverythingOf(dockerHost, controlPlane.nodeId);
        }
    }

    @Test
    void runsAServerThroughItsWholeLifecycle() throws Exception {
        String serverId = TestServers.newId();
        String owner = "owner-" + serverId.substring(0, 8);
        ServerSpec spec = TestServers.echoServer(owner);

        CommandResult created = controlPlane.execute(TestServers.create(serverId, spec), WAIT);
        assertThat(created.status()).as(created.toString()).isEqualTo(CommandResult.Status.SUCCESS);
        assertThat(created.result()).containsKey("containerId");

        int beforeStart = controlPlane.mark();
        CommandResult started = controlPlane.execute(TestServers.of(Command.Action.START, serverId), WAIT);
        assertThat(started.status()).as(started.toString()).isEqualTo(CommandResult.Status.SUCCESS);
        assertThat(started.result()).containsEntry("state", "running");
        controlPlane.await(ContainerEvent.class, e -> e.serverId().equals(serverId) && e.event() == ContainerEvent.Kind.STARTED, beforeStart, WAIT);
        controlPlane.await(ContainerEvent.class, e -> e.serverId().equals(serverId) && e.event() == ContainerEvent.Kind.READY, beforeStart, WAIT);
        controlPlane.await(Console.class, c -> c.serverId().equals(serverId)
                && c.lines().stream().anyMatch(l -> l.startsWith("booting as 1000:1000 in /home/container")), beforeStart, WAIT);

        int beforeInput = controlPlane.mark();
        CommandResult input = controlPlane.execute(TestServers.input(serverId, "say hi"), WAIT);
        assertThat(input.status()).as(input.toString()).isEqualTo(CommandResult.Status.SUCCESS);
        controlPlane.await(Console.class, c -> c.serverId().equals(serverId) && c.lines().contains("echo: say hi"), beforeInput, WAIT);
        CommandResult second = controlPlane.execute(TestServers.input(serverId, "again"), WAIT);
        assertThat(second.status()).isEqualTo(CommandResult.Status.SUCCESS);
        controlPlane.await(Console.class, c -> c.lines().contains("echo: again"), beforeInput, WAIT);

        CommandResult logs = controlPlane.execute(TestServers.logs(serverId, 2), WAIT);
        assertThat(logs.result().get("lines")).isEqualTo(List.of("echo: say hi", "echo: again"));

        controlPlane.await(io.lormas.contracts.agent.Stats.class, s -> s.serverId().equals(serverId) && s.memoryBytes() > 0, beforeStart, WAIT);

        int beforeStop = controlPlane.mark();
        CommandResult stopped = controlPlane.execute(TestServers.stop(serverId, null), WAIT);
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(CommandResult.Status.SUCCESS);
        assertThat(stopped.result()).containsEntry("exitCode", 0).containsEntry("killed", false);
        ContainerEvent died = controlPlane.await(ContainerEvent.class,
                e -> e.serverId().equals(serverId) && e.event() == ContainerEvent.Kind.DIED, beforeStop, WAIT);
        assertThat(died.causedByAgent()).isTrue();
        assertThat(died.exitCode()).isEqualTo(0);

        CommandResult stoppedAgain = controlPlane.execute(TestServers.stop(serverId, null), WAIT);
        assertThat(stoppedAgain.result()).containsEntry("alreadyStopped", true);

        CommandResult restarted = controlPlane.execute(TestServers.of(Command.Action.RESTART, serverId), WAIT);
        assertThat(restarted.status()).as(restarted.toString()).isEqualTo(CommandResult.Status.SUCCESS);
        assertThat(restarted.result()).containsEntry("state", "running");

        CommandResult killed = controlPlane.execute(TestServers.of(Command.Action.KILL, serverId), WAIT);
        assertThat(killed.status()).as(killed.toString()).isEqualTo(CommandResult.Status.SUCCESS);
        assertThat(killed.result()).containsEntry("exitCode", 137);

        Path data = agent.dataRoot.resolve(serverId);
        assertThat(data).isDirectory();
        CommandResult deleted = controlPlane.execute(TestServers.delete(serverId, true), WAIT);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(CommandResult.Status.SUCCESS);
        assertThat(deleted.result()).containsEntry("containerRemoved", true).containsEntry("dataRemoved", true);
        assertThat(data).doesNotExist();
        try (DockerClient client = TestEngine.client(dockerHost)) {
            assertThat(client.listContainersCmd().withShowAll(true).withNameFilter(List.of("lormas-" + serverId)).exec()).isEmpty();
        }
    }

    @Test
    void createsHardenedContainersWithThePlansLimits() throws Exception {
        String serverId = TestServers.newId();
        String owner = "owner-" + serverId.substring(0, 8);
        ServerSpec base = TestServers.echoServer(owner);
        ServerSpec spec = new ServerSpec(owner, base.image(), base.command(), base.environment(),
                new ServerSpec.Limits(250, 96, 32, 64, 77, 300),
                List.of(new ServerSpec.Allocation("127.0.0.1", 30000 + (int) (Math.random() * 20000))),
                List.of("NET_BIND_SERVICE"), base.stop(), null, List.of(), base.startupDone());

        CommandResult created = controlPlane.execute(TestServers.create(serverId, spec), WAIT);
        assertThat(created.status()).as(created.toString()).isEqualTo(CommandResult.Status.SUCCESS);

        try (DockerClient client = TestEngine.client(dockerHost)) {
            InspectContainerResponse inspect = client.inspectContainerCmd("lormas-" + serverId).exec();
            HostConfig host = inspect.getHostConfig();
            assertThat(inspect.getConfig().getUser()).isEqualTo("1000:1000");
            assertThat(inspect.getConfig().getLabels()).containsEntry("lormas.server", serverId)
                    .containsEntry("lormas.owner", owner).containsEntry("lormas.managed", "true");
            assertThat(inspect.getConfig().getEnv()).contains("GREETING=hello", "SERVER_MEMORY=96");
            // Capabilities: Docker shows CapDrop [ALL] + CapAdd, podman lists what it dropped from its defaults;
            // the bounding set inside the running container is checked below instead, the same on both.
            assertThat(host.getSecurityOpts()).anyMatch(o -> o.startsWith("no-new-privileges"));
            assertThat(host.getInit()).isTrue();
            assertThat(host.getPidsLimit()).isEqualTo(77L);
            assertThat(host.getMemory()).isEqualTo(96L * 1024 * 1024);
            assertThat(host.getMemorySwap()).isEqualTo((96L + 32) * 1024 * 1024);
            assertThat(host.getNanoCPUs()).isEqualTo(250_000_000L);
            assertThat(inspect.getNetworkSettings().getNetworks()).containsOnlyKeys("lormas-owner-" + owner);
            assertThat(host.getPrivileged()).isFalse();
            int port = spec.allocations().getFirst().port();
            assertThat(host.getPortBindings().getBindings().keySet().stream().map(Object::toString))
                    .contains(port + "/tcp", port + "/udp");
            assertThat(host.getBinds()[0].getPath()).isEqualTo(agent.dataRoot.resolve(serverId).toString());
            assertThat(host.getBinds()[0].getVolume().getPath()).isEqualTo("/home/container");
        }
        Path data = agent.dataRoot.resolve(serverId);
        assertThat(Files.getAttribute(data, "unix:uid")).isEqualTo(1000);
        assertThat(Files.getAttribute(data, "unix:gid")).isEqualTo(1000);

        CommandResult started = controlPlane.execute(TestServers.of(Command.Action.START, serverId), WAIT);
        assertThat(started.status()).as(started.toString()).isEqualTo(CommandResult.Status.SUCCESS);
        String status = TestEngine.exec(dockerHost, "lormas-" + serverId, "cat", "/proc/1/status");
        // Only NET_BIND_SERVICE (bit 10) is left in the bounding set (podman also makes it ambient for uid 1000).
        assertThat(status).containsPattern("CapBnd:\\s+0000000000000400")
                .containsPattern("CapEff:\\s+0000000000000[04]00")
                .containsPattern("NoNewPrivs:\\s+1");
        assertThat(TestEngine.exec(dockerHost, "lormas-" + serverId, "cat", "/sys/fs/cgroup/pids.max",
                "/sys/fs/cgroup/pids/pids.max")).contains("77");
        controlPlane.execute(TestServers.of(Command.Action.KILL, serverId), WAIT);
        controlPlane.execute(TestServers.delete(serverId, true), WAIT);
    }

    @Test
    void installsWithTheEggScriptAndStreamsItsOutput() throws Exception {
        String serverId = TestServers.newId();
        ServerSpec.InstallSpec install = new ServerSpec.InstallSpec(TestEngine.IMAGE, "/bin/sh", """
                echo "installing $GREETING as $(id -u)"
                cd /mnt/server
                echo "motd=old" > server.properties
                mkdir -p plugins && echo jar > plugins/a.jar
                echo "install done"
                """);
        ServerSpec spec = TestServers.spec("owner-" + serverId.substring(0, 8), TestServers.ECHO_SCRIPT,
                new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.COMMAND, "stop", 10), install, List.of(), Map.of("GREETING", "hello"));

        int mark = controlPlane.mark();
        CommandResult installed = controlPlane.execute(TestServers.install(serverId, spec), WAIT);

        assertThat(installed.status()).as(installed.toString()).isEqualTo(CommandResult.Status.SUCCESS);
        assertThat(installed.result()).containsEntry("exitCode", 0);
        assertThat((List<Object>) installed.result().get("lastLines")).contains("installing hello as 0", "install done");
        List<String> installLines = controlPlane.all(Console.class, mark).stream()
                .filter(c -> c.serverId().equals(serverId) && c.source() == Console.Source.INSTALL)
                .flatMap(c -> c.lines().stream()).toList();
        assertThat(installLines).containsSubsequence("installing hello as 0", "install done");
        Path data = agent.dataRoot.resolve(serverId);
        assertThat(data.resolve("plugins/a.jar")).hasContent("jar");
        assertThat(Files.getAttribute(data.resolve("plugins/a.jar"), "unix:uid")).as("handed to the container user").isEqualTo(1000);
        try (DockerClient client = TestEngine.client(dockerHost)) {
            assertThat(client.listContainersCmd().withShowAll(true)
                    .withNameFilter(List.of("lormas-" + serverId + "-install")).exec()).as("install container removed").isEmpty();
        }
        controlPlane.execute(TestServers.delete(serverId, true), WAIT);
    }

    @Test
    void failsAnInstallWhoseScriptExitsNonZero() throws Exception {
        String serverId = TestServers.newId();
        ServerSpec.InstallSpec install = new ServerSpec.InstallSpec(TestEngine.IMAGE, "/bin/sh", "echo broken download; exit 3");
        ServerSpec spec = TestServers.spec("owner-" + serverId.substring(0, 8), TestServers.ECHO_SCRIPT,
                new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.COMMAND, "stop", 10), install, List.of(), Map.of());

        CommandResult installed = controlPlane.execute(TestServers.install(serverId, spec), WAIT);

        assertThat(installed.status()).isEqualTo(CommandResult.Status.FAILURE);
        assertThat(installed.error().code()).isEqualTo("install_failed");
        assertThat(installed.result()).containsEntry("exitCode", 3);
        assertThat((List<Object>) installed.result().get("lastLines")).contains("broken download");
        controlPlane.execute(TestServers.delete(serverId, true), WAIT);
    }

    @Test
    void killsAServerThatIgnoresItsStopSignalAfterTheTimeout() {
        String serverId = TestServers.newId();
        ServerSpec spec = TestServers.spec("owner-" + serverId.substring(0, 8), TestServers.STUBBORN_SCRIPT,
                new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.SIGNAL, "SIGTERM", 30), null, List.of(), Map.of());
        controlPlane.execute(TestServers.create(serverId, spec), WAIT);
        int mark = controlPlane.mark();
        controlPlane.execute(TestServers.of(Command.Action.START, serverId), WAIT);
        controlPlane.await(Console.class, c -> c.serverId().equals(serverId) && c.lines().contains("stubborn"), mark, WAIT);

        long began = System.nanoTime();
        CommandResult stopped = controlPlane.execute(TestServers.stop(serverId, 1), WAIT);
        long tookMillis = (System.nanoTime() - began) / 1_000_000;

        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(CommandResult.Status.SUCCESS);
        assertThat(stopped.result()).containsEntry("killed", true).containsEntry("exitCode", 137)
                .containsEntry("stoppedWith", "SIGTERM");
        assertThat(tookMillis).as("waited for the 1 s timeout before killing").isGreaterThanOrEqualTo(1000);
        ContainerEvent died = controlPlane.await(ContainerEvent.class,
                e -> e.serverId().equals(serverId) && e.event() == ContainerEvent.Kind.DIED, mark, WAIT);
        assertThat(died.causedByAgent()).isTrue();
        controlPlane.execute(TestServers.delete(serverId, true), WAIT);
    }

    @Test
    void reportsAnOutOfMemoryKillItDidNotCause() {
        String serverId = TestServers.newId();
        // tail keeps the one endless line in memory until the kernel kills it (64 MiB, no swap)
        ServerSpec spec = TestServers.spec("owner-" + serverId.substring(0, 8),
                "echo eating; head -c 400m /dev/zero | tail; exit $?",
                new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.SIGNAL, "SIGTERM", 5), null, List.of(), Map.of());
        controlPlane.execute(TestServers.create(serverId, spec), WAIT);
        int mark = controlPlane.mark();

        controlPlane.execute(TestServers.of(Command.Action.START, serverId), WAIT);

        ContainerEvent died = controlPlane.await(ContainerEvent.class,
                e -> e.serverId().equals(serverId) && e.event() == ContainerEvent.Kind.DIED, mark, WAIT);
        assertThat(died.exitCode()).isEqualTo(137);
        assertThat(died.causedByAgent()).isFalse();
        ContainerEvent oom = controlPlane.await(ContainerEvent.class,
                e -> e.serverId().equals(serverId) && e.event() == ContainerEvent.Kind.OOM, mark, WAIT);
        assertThat(oom.message()).isNotBlank();
        controlPlane.execute(TestServers.delete(serverId, true), WAIT);
    }

    @Test
    void answersARepeatedCommandIdWithTheRecordedResult() throws Exception {
        String serverId = TestServers.newId();
        Command create = TestServers.create(serverId, TestServers.echoServer("owner-" + serverId.substring(0, 8)));

        CommandResult first = controlPlane.execute(create, WAIT);
        CommandResult repeated = controlPlane.execute(create, WAIT);

        assertThat(first.status()).isEqualTo(CommandResult.Status.SUCCESS);
        assertThat(repeated).isEqualTo(first);

        Command start = TestServers.of(Command.Action.START, serverId);
        int mark = controlPlane.mark();
        controlPlane.send(start);
        controlPlane.send(start); // while the first is still running
        controlPlane.await(CommandResult.class, r -> r.commandId().equals(start.id()), mark, WAIT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<CommandResult> results;
        do {
            Thread.sleep(50);
            results = controlPlane.all(CommandResult.class, mark).stream().filter(r -> r.commandId().equals(start.id())).toList();
        } while (results.size() < 2 && System.nanoTime() < deadline);
        assertThat(results).as("one result per time the command was sent").hasSize(2);
        assertThat(results.get(1)).isEqualTo(results.get(0));
        CommandResult one = results.get(0);
        assertThat(one.result()).doesNotContainKey("alreadyRunning");
        controlPlane.await(ContainerEvent.class, e -> e.serverId().equals(serverId) && e.event() == ContainerEvent.Kind.STARTED, mark, WAIT);
        Thread.sleep(500);
        assertThat(controlPlane.all(ContainerEvent.class, mark).stream()
                .filter(e -> e.serverId().equals(serverId) && e.event() == ContainerEvent.Kind.STARTED)).as("started once").hasSize(1);
        controlPlane.execute(TestServers.delete(serverId, true), WAIT);
    }

    @Test
    void failsClearlyForAnUnknownServer() {
        String serverId = TestServers.newId();
        for (Command command : List.of(TestServers.of(Command.Action.START, serverId), TestServers.stop(serverId, null),
                TestServers.of(Command.Action.KILL, serverId), TestServers.of(Command.Action.RESTART, serverId),
                TestServers.input(serverId, "hello"), TestServers.logs(serverId, 10))) {
            CommandResult result = controlPlane.execute(command, WAIT);
            assertThat(result.status()).as(command.action().toString()).isEqualTo(CommandResult.Status.FAILURE);
            assertThat(result.error().code()).as(command.action().toString()).isEqualTo("unknown_server");
        }
        CommandResult deleted = controlPlane.execute(TestServers.delete(serverId, false), WAIT);
        assertThat(deleted.status()).isEqualTo(CommandResult.Status.SUCCESS);
        assertThat(deleted.result()).containsEntry("deleted", false).containsEntry("reason", "unknown_server");
    }

    @Test
    void failsClearlyForAMissingImageWithoutPulling() {
        String serverId = TestServers.newId();
        ServerSpec base = TestServers.echoServer("owner-" + serverId.substring(0, 8));
        ServerSpec spec = new ServerSpec(base.ownerId(), "localhost/lormas/does-not-exist:1", base.command(),
                base.environment(), base.limits(), base.allocations(), base.capabilities(), base.stop(), null,
                List.of(), List.of());

        CommandResult created = controlPlane.execute(TestServers.create(serverId, spec), WAIT);

        assertThat(created.status()).isEqualTo(CommandResult.Status.FAILURE);
        assertThat(created.error().code()).isEqualTo("image_missing");
        assertThat(created.error().message()).contains("localhost/lormas/does-not-exist:1");
    }

    @Test
    void appliesConfigFilesBeforeStart() throws Exception {
        String serverId = TestServers.newId();
        String owner = "owner-" + serverId.substring(0, 8);
        ServerSpec base = TestServers.echoServer(owner);
        ServerSpec spec = new ServerSpec(owner, base.image(), base.command(), Map.of("MOTD", "Welcome"), base.limits(),
                List.of(new ServerSpec.Allocation("127.0.0.1", 30000 + (int) (Math.random() * 20000))), List.of(),
                base.stop(), null, List.of(
                        new ServerSpec.ConfigFile("/server.properties", "properties",
                                Map.of("server-port", "{{server.build.default.port}}", "motd", "{{env.MOTD}}")),
                        new ServerSpec.ConfigFile("config/settings.json", "json", Map.of("game.maxPlayers", "20"))),
                base.startupDone());
        controlPlane.execute(TestServers.create(serverId, spec), WAIT);
        Path data = agent.dataRoot.resolve(serverId);
        Files.writeString(data.resolve("server.properties"), "# generated\nmotd=old\nlevel=world\n");
        Files.createDirectories(data.resolve("config"));

        CommandResult started = controlPlane.execute(TestServers.of(Command.Action.START, serverId), WAIT);

        assertThat(started.status()).as(started.toString()).isEqualTo(CommandResult.Status.SUCCESS);
        int port = spec.allocations().getFirst().port();
        assertThat(Files.readString(data.resolve("server.properties")))
                .isEqualTo("# generated\nmotd=Welcome\nlevel=world\nserver-port=" + port + "\n");
        assertThat(Files.readString(data.resolve("config/settings.json"))).contains("\"maxPlayers\" : 20");
        assertThat(Files.getAttribute(data.resolve("config/settings.json"), "unix:uid")).isEqualTo(1000);
        controlPlane.execute(TestServers.of(Command.Action.KILL, serverId), WAIT);
        controlPlane.execute(TestServers.delete(serverId, true), WAIT);
    }

    @Test
    void refusesConfigFilePathsThatLeaveTheDataDirectory() throws Exception {
        String serverId = TestServers.newId();
        String owner = "owner-" + serverId.substring(0, 8);
        ServerSpec base = TestServers.echoServer(owner);
        ServerSpec escaping = new ServerSpec(owner, base.image(), base.command(), base.environment(), base.limits(),
                List.of(), List.of(), base.stop(), null,
                List.of(new ServerSpec.ConfigFile("../../../etc/lormas-escape", "file", Map.of("a", "b"))), List.of());

        CommandResult refused = controlPlane.execute(TestServers.create(serverId, escaping), WAIT);

        assertThat(refused.status()).isEqualTo(CommandResult.Status.FAILURE);
        assertThat(refused.error().code()).isEqualTo("path_refused");

        // A server may plant a link to a host file in its directory: the agent must not follow it.
        Path outside = root.resolve("host-secret.properties");
        Files.writeString(outside, "secret=1\n");
        ServerSpec linked = new ServerSpec(owner, base.image(), base.command(), base.environment(), base.limits(),
                List.of(), List.of(), base.stop(), null,
                List.of(new ServerSpec.ConfigFile("server.properties", "properties", Map.of("secret", "0"))), List.of());
        controlPlane.execute(TestServers.create(serverId, linked), WAIT);
        Files.createSymbolicLink(agent.dataRoot.resolve(serverId).resolve("server.properties"), outside);

        CommandResult started = controlPlane.execute(TestServers.of(Command.Action.START, serverId), WAIT);

        assertThat(started.status()).isEqualTo(CommandResult.Status.FAILURE);
        assertThat(started.error().code()).isEqualTo("path_refused");
        assertThat(outside).hasContent("secret=1");
        controlPlane.execute(TestServers.delete(serverId, true), WAIT);
        assertThat(outside).exists();
    }

    @Test
    void refusesToStartAServerOverItsDiskLimit() throws Exception {
        String serverId = TestServers.newId();
        String owner = "owner-" + serverId.substring(0, 8);
        ServerSpec base = TestServers.echoServer(owner);
        ServerSpec spec = new ServerSpec(owner, base.image(), base.command(), base.environment(),
                new ServerSpec.Limits(500, 64, 0, 1, 64, 0), List.of(), List.of(), base.stop(), null, List.of(), List.of());
        controlPlane.execute(TestServers.create(serverId, spec), WAIT);
        Files.write(agent.dataRoot.resolve(serverId).resolve("world.dat"), new byte[2 * 1024 * 1024]);

        CommandResult started = controlPlane.execute(TestServers.of(Command.Action.START, serverId), WAIT);

        assertThat(started.status()).isEqualTo(CommandResult.Status.FAILURE);
        assertThat(started.error().code()).isEqualTo("disk_exceeded");
        assertThat(started.result()).containsEntry("limitBytes", 1024 * 1024);
        controlPlane.execute(TestServers.delete(serverId, true), WAIT);
    }

    @Test
    void refusesACommandWithInvalidEnvironmentKeys() throws Exception {
        String serverId = TestServers.newId();
        String frame = """
                {"type":"command","id":"bad-env-%s","action":"create","serverId":"%s","issuedAt":"2026-11-23T12:00:00Z",
                 "spec":{"ownerId":"o1","image":"%s","command":[],"environment":{"bad-key":"x"},
                 "limits":{"cpuMillis":100,"memoryMib":64,"swapMib":0,"diskMib":64,"pidsLimit":64,"ioWeight":0},
                 "allocations":[],"capabilities":[],"stop":{"type":"signal","value":"SIGTERM","timeoutSeconds":5},
                 "configFiles":[],"startupDone":[]}}
                """.formatted(serverId, serverId, TestEngine.IMAGE);
        int mark = controlPlane.mark();

        controlPlane.sendRaw(frame);

        io.lormas.contracts.agent.ProtocolError error = controlPlane.await(io.lormas.contracts.agent.ProtocolError.class,
                e -> ("bad-env-" + serverId).equals(e.ref()), mark, WAIT);
        assertThat(error.code()).isEqualTo("invalid");
        assertThat(error.message()).contains("environment key 'bad-key' is invalid");
        CommandResult result = controlPlane.await(CommandResult.class, r -> r.commandId().equals("bad-env-" + serverId), mark, WAIT);
        assertThat(result.error().code()).isEqualTo("invalid_command");
        try (DockerClient client = TestEngine.client(dockerHost)) {
            assertThat(client.listContainersCmd().withShowAll(true).withNameFilter(List.of("lormas-" + serverId)).exec()).isEmpty();
        }
    }

    @Test
    void runsPowerActionsOfOneServerOneAtATimeButLetsKillThrough() {
        String serverId = TestServers.newId();
        ServerSpec spec = TestServers.spec("owner-" + serverId.substring(0, 8), TestServers.STUBBORN_SCRIPT,
                new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.SIGNAL, "SIGTERM", 30), null, List.of(), Map.of());
        controlPlane.execute(TestServers.create(serverId, spec), WAIT);
        controlPlane.execute(TestServers.of(Command.Action.START, serverId), WAIT);
        int mark = controlPlane.mark();

        Command stop = TestServers.stop(serverId, 20); // the server ignores SIGTERM: this stop waits
        Command start = TestServers.of(Command.Action.START, serverId);
        controlPlane.send(stop);
        controlPlane.await(io.lormas.contracts.agent.Ack.class, a -> a.commandId().equals(stop.id()), mark, WAIT);
        controlPlane.send(start); // queued behind the stop
        CommandResult killed = controlPlane.execute(TestServers.of(Command.Action.KILL, serverId), WAIT);
        CommandResult stopped = controlPlane.await(CommandResult.class, r -> r.commandId().equals(stop.id()), mark, WAIT);
        CommandResult started = controlPlane.await(CommandResult.class, r -> r.commandId().equals(start.id()), mark, WAIT);

        assertThat(killed.status()).isEqualTo(CommandResult.Status.SUCCESS);
        assertThat(stopped.result()).containsEntry("exitCode", 137).containsEntry("killed", false);
        assertThat(started.status()).as(started.toString()).isEqualTo(CommandResult.Status.SUCCESS);
        List<String> order = controlPlane.all(CommandResult.class, mark).stream().map(CommandResult::commandId)
                .filter(id -> id.equals(stop.id()) || id.equals(start.id())).toList();
        assertThat(order).as("the start waited for the stop").containsExactly(stop.id(), start.id());
        controlPlane.execute(TestServers.of(Command.Action.KILL, serverId), WAIT);
        controlPlane.execute(TestServers.delete(serverId, true), WAIT);
    }
}
