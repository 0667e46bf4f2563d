package io.lormas.agent.runtime.docker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.lormas.agent.config.EngineSettings;
import io.lormas.agent.runtime.ConsoleInput;
import io.lormas.agent.runtime.ContainerDefinition;
import io.lormas.agent.runtime.ContainerRuntime;
import io.lormas.agent.runtime.ContainerState;
import io.lormas.agent.runtime.EngineEvent;
import io.lormas.agent.runtime.EngineFacts;
import io.lormas.agent.runtime.RuntimeFailure;
import io.lormas.agent.runtime.RuntimeFailure.Reason;
import io.lormas.agent.runtime.UsageSample;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContainerRuntime} over the Docker Engine API with docker-java. Covers podman's differences: its
 * {@code died} event name, and stdin closed when any attach ends (output is read with {@code logs?follow},
 * never with attach).
 */
@Singleton
public final class DockerContainerRuntime implements ContainerRuntime, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DockerContainerRuntime.class);
    private static final Pattern EXITED = Pattern.compile("Exited \\((-?\\d+)\\)");
    private static final int MAX_LINE_BYTES = 16 * 1024;
    private static final Duration SHORT_CALL = Duration.ofSeconds(60);

    private final EngineSettings settings;
    private final DockerClient client;

    public DockerContainerRuntime(EngineSettings settings) {
        this.settings = settings;
        String scheme = URI.create(settings.dockerHost()).getScheme();
        if (scheme == null || !List.of("unix", "tcp", "npipe").contains(scheme)) {
            throw new IllegalArgumentException("lormas.agent.engine.docker-host (DOCKER_HOST) must be unix://, tcp:// or "
                    + "npipe://, was '" + settings.dockerHost() + "'");
        }
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(settings.dockerHost())
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(settings.dockerHost()))
                .sslConfig(config.getSSLConfig())
                .maxConnections(settings.maxConnections())
                .connectionTimeout(settings.connectTimeout())
                .build();
        this.client = DockerClientImpl.getInstance(config, http);
    }

    @Override
    public EngineFacts engine() {
        Version version = call("read the engine version", () -> client.versionCmd().exec());
        boolean podman = version.getComponents() != null && version.getComponents().stream()
                .anyMatch(c -> c.getName() != null && c.getName().toLowerCase().contains("podman"));
        return new EngineFacts(podman ? "podman" : "docker", String.valueOf(version.getVersion()),
                String.valueOf(version.getApiVersion()));
    }

    @Override
    public boolean imageExists(String image) {
        try {
            call("inspect image " + image, () -> client.inspectImageCmd(image).exec());
            return true;
        } catch (RuntimeFailure e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void pullImage(String image) {
        try {
            client.pullImageCmd(image).exec(new PullImageResultCallback()).awaitCompletion(30, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(Reason.IMAGE_MISSING, "pulling " + image + " was interrupted");
        } catch (RuntimeException e) {
            RuntimeFailure failure = translate("pull " + image, e);
            if (failure.reason() == Reason.ENGINE_UNAVAILABLE) {
                throw failure;
            }
            throw new RuntimeFailure(Reason.IMAGE_MISSING,
                    "image " + image + " is not on this node and could not be pulled: " + failure.getMessage(), e);
        }
        if (!imageExists(image)) {
            throw new RuntimeFailure(Reason.IMAGE_MISSING, "image " + image + " is not on this node after pulling");
        }
    }

    @Override
    public void ensureNetwork(String name, Map<String, String> labels) {
        List<Network> existing = call("list networks", () -> client.listNetworksCmd().withNameFilter(name).exec());
        if (existing.stream().anyMatch(n -> name.equals(n.getName()))) {
            return;
        }
        try {
            call("create network " + name, () -> client.createNetworkCmd().withName(name).withDriver("bridge")
                    .withLabels(labels).withCheckDuplicate(true).exec());
        } catch (RuntimeFailure e) {
            if (e.reason() != Reason.CONFLICT) { // created meanwhile by a concurrent create
                throw e;
            }
        }
    }

    @Override
    public void removeNetworkIfUnused(String name) {
        try {
            run("remove network " + name, () -> client.removeNetworkCmd(name).exec());
        } catch (RuntimeFailure e) {
            LOG.debug("network {} kept: {}", name, e.getMessage());
        }
    }

    @Override
    public String create(ContainerDefinition definition) {
        List<ExposedPort> exposed = new ArrayList<>();
        Ports bindings = new Ports();
        for (ContainerDefinition.PortBinding port : definition.ports()) {
            ExposedPort exposedPort = new ExposedPort(port.port(), InternetProtocol.parse(port.protocol()));
            exposed.add(exposedPort);
            bindings.bind(exposedPort, Ports.Binding.bindIpAndPort(port.hostIp(), port.port()));
        }
        List<Bind> binds = definition.mounts().stream()
                .map(m -> new Bind(m.hostPath(), new Volume(m.containerPath()), m.readOnly() ? AccessMode.ro : AccessMode.rw))
                .toList();
        ContainerDefinition.Resources resources = definition.resources();
        HostConfig host = HostConfig.newHostConfig()
                .withBinds(binds)
                .withPortBindings(bindings)
                .withCapDrop(Capability.ALL)
                .withCapAdd(capabilities(definition.capabilities()))
                .withSecurityOpts(List.of("no-new-privileges"))
                .withInit(true)
                .withPrivileged(false)
                .withRestartPolicy(RestartPolicy.noRestart())
                .withMemory(resources.memoryBytes())
                .withMemorySwap(resources.memorySwapBytes())
                .withNanoCPUs(resources.nanoCpus())
                .withPidsLimit(resources.pidsLimit())
                .withTmpFs(definition.tmpfs());
        if (resources.ioWeight() > 0) {
            host.withBlkioWeight(resources.ioWeight());
        }
        if (definition.network() != null) {
            host.withNetworkMode(definition.network());
        }
        if (!settings.logMaxSize().isBlank()) {
            host.withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE,
                    Map.of("max-size", settings.logMaxSize(), "max-file", "1")));
        }
        List<String> environment = definition.environment().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .toList();
        return call("create container " + definition.name(), () -> {
            CreateContainerCmd cmd = client.createContainerCmd(definition.image())
                    .withName(definition.name())
                    .withLabels(definition.labels())
                    .withEnv(environment)
                    .withUser(definition.user())
                    .withWorkingDir(definition.workingDir())
                    .withExposedPorts(exposed)
                    .withStdinOpen(definition.openStdin())
                    .withStdInOnce(false)
                    .withAttachStdin(false)
                    .withTty(false)
                    .withHostConfig(host);
            if (!definition.command().isEmpty()) {
                cmd.withCmd(definition.command());
            }
            if (definition.entrypoint() != null) {
                cmd.withEntrypoint(definition.entrypoint());
            }
            return cmd.exec().getId();
        }, Reason.IMAGE_MISSING);
    }

    private static Capability[] capabilities(List<String> names) {
        List<Capability> result = new ArrayList<>();
        for (String name : names) {
            String plain = name.startsWith("CAP_") ? name.substring(4) : name;
            try {
                result.add(Capability.valueOf(plain));
            } catch (IllegalArgumentException e) {
                throw new RuntimeFailure(Reason.INVALID, "unknown capability '" + name + "'");
            }
        }
        return result.toArray(Capability[]::new);
    }

    @Override
    public Optional<ContainerState> inspect(String container) {
        try {
            InspectContainerResponse response = call("inspect " + container,
                    () -> client.inspectContainerCmd(container).exec());
            return Optional.of(stateOf(response));
        } catch (RuntimeFailure e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static ContainerState stateOf(InspectContainerResponse response) {
        InspectContainerResponse.ContainerState state = response.getState();
        String status = state == null || state.getStatus() == null ? "unknown" : state.getStatus();
        Integer exitCode = null;
        Instant startedAt = null;
        boolean oom = false;
        if (state != null) {
            startedAt = instant(state.getStartedAt());
            if (startedAt != null && state.getExitCodeLong() != null) {
                exitCode = state.getExitCodeLong().intValue();
            }
            oom = Boolean.TRUE.equals(state.getOOMKilled());
        }
        Map<String, String> labels = response.getConfig() == null || response.getConfig().getLabels() == null
                ? Map.of() : response.getConfig().getLabels();
        String name = response.getName() == null ? response.getId() : response.getName().replaceFirst("^/", "");
        String image = response.getConfig() == null ? null : response.getConfig().getImage();
        return new ContainerState(response.getId(), name, image, labels, status, exitCode, oom, startedAt);
    }

    private static @Nullable Instant instant(@Nullable String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public List<ContainerState> list(Map<String, String> labels) {
        List<Container> containers = call("list containers",
                () -> client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec());
        List<ContainerState> result = new ArrayList<>(containers.size());
        for (Container c : containers) {
            String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
            Integer exitCode = null;
            if (c.getStatus() != null) {
                Matcher m = EXITED.matcher(c.getStatus());
                if (m.find()) {
                    exitCode = Integer.valueOf(m.group(1));
                }
            }
            String state = c.getState() == null ? "unknown" : c.getState().toLowerCase();
            result.add(new ContainerState(c.getId(), name, c.getImage(),
                    c.getLabels() == null ? Map.of() : c.getLabels(), state, exitCode, false, null));
        }
        return result;
    }

    @Override
    public void start(String container) {
        try {
            run("start " + container, () -> client.startContainerCmd(container).exec());
        } catch (RuntimeFailure e) {
            if (e.getCause() instanceof NotModifiedException) {
                return; // already running
            }
            throw e;
        }
    }

    @Override
    public void signal(String container, String signal) {
        try {
            run("signal " + signal + " to " + container, () -> client.killContainerCmd(container).withSignal(signal).exec());
        } catch (RuntimeFailure e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return;
            }
            // Docker answers 409 and podman 500 for a container that is not running: both are fine here.
            Optional<ContainerState> state = inspect(container);
            if (state.isPresent() && state.get().running()) {
                throw e;
            }
        }
    }

    @Override
    public OptionalInt awaitExit(String container, Duration timeout) {
        Optional<ContainerState> now = inspect(container);
        if (now.isEmpty()) {
            return OptionalInt.of(-1);
        }
        if (!now.get().running()) {
            return exitCodeOf(now.get());
        }
        WaitContainerResultCallback callback = new WaitContainerResultCallback();
        try {
            client.waitContainerCmd(container).exec(callback);
            return OptionalInt.of(callback.awaitStatusCode(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS));
        } catch (DockerClientException e) {
            // Timed out (or the wait stream broke): the engine's state decides.
            Optional<ContainerState> after = inspect(container);
            if (after.isEmpty()) {
                return OptionalInt.of(-1);
            }
            return after.get().running() ? OptionalInt.empty() : exitCodeOf(after.get());
        } catch (RuntimeException e) {
            throw translate("wait for " + container, e);
        } finally {
            closeQuietly(callback);
        }
    }

    private static OptionalInt exitCodeOf(ContainerState state) {
        return OptionalInt.of(state.exitCode() == null ? -1 : state.exitCode());
    }

    @Override
    public void remove(String container) {
        for (int attempt = 0; ; attempt++) {
            try {
                run("remove " + container,
                        () -> client.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec());
                return;
            } catch (RuntimeFailure e) {
                if (e.reason() == Reason.NOT_FOUND) {
                    return;
                }
                // "removal already in progress": let it finish, then look again.
                if (e.reason() != Reason.CONFLICT || attempt >= 10) {
                    throw e;
                }
                sleep(Duration.ofMillis(200));
            }
        }
    }

    @Override
    public ConsoleInput attachInput(String container) {
        StdinPipe pipe = new StdinPipe();
        QuietCallback<Frame> callback = new QuietCallback<>() {
            @Override
            public void onComplete() {
                pipe.close();
                super.onComplete();
            }
        };
        try {
            client.attachContainerCmd(container)
                    .withStdIn(pipe)
                    .withFollowStream(true)
                    .withStdOut(false)
                    .withStdErr(false)
                    .withLogs(false)
                    .exec(callback);
            if (!callback.awaitStarted(10, TimeUnit.SECONDS)) {
                closeQuietly(callback);
                throw new RuntimeFailure(Reason.ENGINE_ERROR, "attaching to " + container + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(callback);
            throw new RuntimeFailure(Reason.ENGINE_ERROR, "attaching to " + container + " was interrupted");
        } catch (RuntimeException e) {
            closeQuietly(callback);
            throw e instanceof RuntimeFailure failure ? failure : translate("attach to " + container, e);
        }
        return new ConsoleInput() {
            @Override
            public void writeLine(String line) {
                pipe.writeLine(line);
            }

            @Override
            public boolean isOpen() {
                return !pipe.isClosed();
            }

            @Override
            public void close() {
                pipe.close();
                closeQuietly(callback);
            }
        };
    }

    @Override
    public Subscription followOutput(String container, @Nullable Instant since, Consumer<String> lines, Runnable ended) {
        LineAssembler stdout = new LineAssembler(MAX_LINE_BYTES, lines);
        LineAssembler stderr = new LineAssembler(MAX_LINE_BYTES, lines);
        AtomicBoolean done = new AtomicBoolean();
        Runnable finish = () -> {
            if (done.compareAndSet(false, true)) {
                synchronized (stdout) {
                    stdout.finish();
                    stderr.finish();
                }
                ended.run();
            }
        };
        QuietCallback<Frame> callback = new QuietCallback<>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (stdout) {
                    (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).accept(frame.getPayload());
                }
            }

            @Override
            public void onComplete() {
                super.onComplete();
                finish.run();
            }
        };
        try {
            var cmd = client.logContainerCmd(container).withFollowStream(true).withStdOut(true).withStdErr(true);
            if (since != null) {
                cmd.withSince((int) since.getEpochSecond());
            }
            cmd.exec(callback);
        } catch (RuntimeException e) {
            throw translate("follow output of " + container, e);
        }
        return () -> {
            closeQuietly(callback);
            finish.run();
        };
    }

    @Override
    public List<String> tail(String container, int lines) {
        List<String> result = Collections.synchronizedList(new ArrayList<>());
        LineAssembler stdout = new LineAssembler(MAX_LINE_BYTES, result::add);
        LineAssembler stderr = new LineAssembler(MAX_LINE_BYTES, result::add);
        QuietCallback<Frame> callback = new QuietCallback<>() {
            @Override
            public void onNext(Frame frame) {
                (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).accept(frame.getPayload());
            }
        };
        try {
            client.logContainerCmd(container).withStdOut(true).withStdErr(true).withTail(lines).exec(callback)
                    .awaitCompletion(SHORT_CALL.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw translate("read the output of " + container, e);
        } finally {
            closeQuietly(callback);
        }
        if (callback.failure instanceof RuntimeException failure) {
            throw translate("read the output of " + container, failure);
        }
        stdout.finish();
        stderr.finish();
        synchronized (result) {
            return result.size() <= lines ? List.copyOf(result) : List.copyOf(result.subList(result.size() - lines, result.size()));
        }
    }

    @Override
    public Optional<UsageSample> usage(String container) {
        AtomicReference<Statistics> first = new AtomicReference<>();
        QuietCallback<Statistics> callback = new QuietCallback<>() {
            @Override
            public void onNext(Statistics statistics) {
                first.compareAndSet(null, statistics);
            }
        };
        try {
            client.statsCmd(container).withNoStream(true).exec(callback).awaitCompletion(SHORT_CALL.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            RuntimeFailure failure = translate("read stats of " + container, e);
            if (failure.reason() == Reason.ENGINE_UNAVAILABLE) {
                throw failure;
            }
            return Optional.empty();
        } finally {
            closeQuietly(callback);
        }
        Statistics stats = first.get();
        if (stats == null || stats.getCpuStats() == null || stats.getMemoryStats() == null) {
            return Optional.empty();
        }
        long cpuTotal = stats.getCpuStats().getCpuUsage() == null || stats.getCpuStats().getCpuUsage().getTotalUsage() == null
                ? 0 : stats.getCpuStats().getCpuUsage().getTotalUsage();
        long system = stats.getCpuStats().getSystemCpuUsage() == null ? 0 : stats.getCpuStats().getSystemCpuUsage();
        int cpus = stats.getCpuStats().getOnlineCpus() != null ? stats.getCpuStats().getOnlineCpus().intValue()
                : Runtime.getRuntime().availableProcessors();
        long rx = 0;
        long tx = 0;
        if (stats.getNetworks() != null) {
            // Docker names the interface (eth0), podman says "network": sum whatever is there.
            for (StatisticNetworksConfig network : stats.getNetworks().values()) {
                rx += network.getRxBytes() == null ? 0 : network.getRxBytes();
                tx += network.getTxBytes() == null ? 0 : network.getTxBytes();
            }
        }
        long memory = stats.getMemoryStats().getUsage() == null ? 0 : stats.getMemoryStats().getUsage();
        long limit = stats.getMemoryStats().getLimit() == null ? 0 : stats.getMemoryStats().getLimit();
        long pids = stats.getPidsStats() == null || stats.getPidsStats().getCurrent() == null ? 0 : stats.getPidsStats().getCurrent();
        return Optional.of(new UsageSample(cpuTotal, system, cpus, memory, limit, rx, tx, pids, System.nanoTime()));
    }

    @Override
    public Subscription watchEvents(Map<String, String> labels, Consumer<EngineEvent> events,
            Consumer<@Nullable Throwable> ended) {
        AtomicBoolean done = new AtomicBoolean();
        QuietCallback<Event> callback = new QuietCallback<>() {
            @Override
            public void onNext(Event event) {
                EngineEvent engineEvent = eventOf(event);
                if (engineEvent != null) {
                    events.accept(engineEvent);
                }
            }

            @Override
            public void onComplete() {
                super.onComplete();
                if (done.compareAndSet(false, true)) {
                    ended.accept(failure);
                }
            }
        };
        try {
            client.eventsCmd()
                    .withEventTypeFilter(EventType.CONTAINER)
                    .withLabelFilter(labels)
                    // podman filters on its own name "died"; Docker ignores the value it does not know.
                    .withEventFilter("start", "die", "died", "oom", "health_status")
                    .exec(callback);
        } catch (RuntimeException e) {
            throw translate("watch events", e);
        }
        return () -> {
            done.set(true);
            closeQuietly(callback);
        };
    }

    private static @Nullable EngineEvent eventOf(Event event) {
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        if (action == null) {
            return null;
        }
        if (action.equals("died")) {
            action = "die";
        }
        Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                ? Map.of() : event.getActor().getAttributes();
        String id = event.getActor() != null && event.getActor().getId() != null ? event.getActor().getId() : event.getId();
        if (id == null) {
            return null;
        }
        Integer exitCode = null;
        String code = attributes.get("exitCode");
        if (code != null) {
            try {
                exitCode = Integer.valueOf(code.trim());
            } catch (NumberFormatException ignored) {
                // leave it unknown
            }
        }
        Instant at = event.getTimeNano() != null && event.getTimeNano() > 0
                ? Instant.ofEpochSecond(0, event.getTimeNano())
                : event.getTime() != null ? Instant.ofEpochSecond(event.getTime()) : Instant.now();
        return new EngineEvent(id, action, attributes, exitCode, at);
    }

    @Override
    public String build(InputStream context, @Nullable String dockerfile, String tag, Map<String, String> buildArgs,
            Map<String, String> labels, Consumer<String> output) {
        LineAssembler lines = new LineAssembler(MAX_LINE_BYTES, output);
        AtomicReference<String> error = new AtomicReference<>();
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    lines.accept(item.getStream().getBytes(StandardCharsets.UTF_8));
                }
                if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                    error.compareAndSet(null, item.getErrorDetail().getMessage());
                } else if (item.getError() != null) {
                    error.compareAndSet(null, item.getError());
                }
                super.onNext(item);
            }
        };
        try {
            var cmd = client.buildImageCmd(context)
                    .withTags(new HashSet<>(Set.of(tag)))
                    .withLabels(new HashMap<>(labels))
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true);
            if (dockerfile != null) {
                cmd.withDockerfilePath(dockerfile);
            }
            buildArgs.forEach(cmd::withBuildArg);
            String imageId = cmd.exec(callback).awaitImageId(30, TimeUnit.MINUTES);
            lines.finish();
            return imageId;
        } catch (DockerClientException e) {
            lines.finish();
            String message = error.get() != null ? error.get() : e.getMessage();
            throw new RuntimeFailure(Reason.BUILD_FAILED, "build of " + tag + " failed: " + message, e);
        } catch (RuntimeException e) {
            lines.finish();
            RuntimeFailure failure = translate("build " + tag, e);
            if (failure.reason() == Reason.ENGINE_UNAVAILABLE) {
                throw failure;
            }
            String message = error.get() != null ? error.get() : failure.getMessage();
            throw new RuntimeFailure(Reason.BUILD_FAILED, "build of " + tag + " failed: " + message, e);
        } finally {
            closeQuietly(callback);
        }
    }

    /**
     * A docker-java callback that keeps the failure of its stream instead of logging it as an error: streams end
     * with 404/500 whenever a container goes away under them, which is routine here.
     */
    private static class QuietCallback<T> extends ResultCallback.Adapter<T> {

        volatile @Nullable Throwable failure;

        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
            LOG.debug("engine stream ended: {}", throwable.toString());
            onComplete();
        }
    }

    @PreDestroy
    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing the engine client failed", e);
        }
    }

    private <T> T call(String what, Supplier<T> operation) {
        return call(what, operation, Reason.NOT_FOUND);
    }

    private <T> T call(String what, Supplier<T> operation, Reason whenNotFound) {
        try {
            return operation.get();
        } catch (NotFoundException e) {
            throw new RuntimeFailure(whenNotFound, what + ": " + message(e), e);
        } catch (RuntimeException e) {
            throw translate(what, e);
        }
    }

    private void run(String what, Runnable operation) {
        call(what, () -> {
            operation.run();
            return null;
        });
    }

    private RuntimeFailure translate(String what, RuntimeException e) {
        if (e instanceof RuntimeFailure failure) {
            return failure;
        }
        if (e instanceof NotFoundException) {
            return new RuntimeFailure(Reason.NOT_FOUND, what + ": " + message(e), e);
        }
        if (e instanceof ConflictException) {
            return new RuntimeFailure(Reason.CONFLICT, what + ": " + message(e), e);
        }
        if (e instanceof NotModifiedException) {
            return new RuntimeFailure(Reason.CONFLICT, what + ": not modified", e);
        }
        if (e instanceof BadRequestException) {
            return new RuntimeFailure(Reason.INVALID, what + ": " + message(e), e);
        }
        if (e instanceof DockerException) {
            return new RuntimeFailure(Reason.ENGINE_ERROR, what + ": " + message(e), e);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return new RuntimeFailure(Reason.ENGINE_UNAVAILABLE,
                        "the container engine at " + settings.dockerHost() + " is not reachable (" + what + "): " + cause, e);
            }
        }
        return new RuntimeFailure(Reason.ENGINE_ERROR, what + ": " + e, e);
    }

    private static String message(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // docker-java puts the raw JSON body in the message: keep the engine's own words.
        Matcher m = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(message);
        String text = m.find() ? m.group(1) : message;
        return text.strip();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.trace("close failed", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
