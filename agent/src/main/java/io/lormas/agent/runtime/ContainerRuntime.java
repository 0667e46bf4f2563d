package io.lormas.agent.runtime;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The container engine as the agent needs it; the one implementation speaks the Docker Engine API and works
 * against Docker and podman alike.
 *
 * <p>Contract of every method: arguments are never null unless marked; a container is named by id or name;
 * failures are {@link RuntimeFailure}s whose {@link RuntimeFailure.Reason} says what went wrong
 * ({@code ENGINE_UNAVAILABLE} when the engine cannot be reached), never engine-specific exceptions. Methods
 * that change state are idempotent where noted, so a repeated command does no harm. Implementations are
 * thread-safe.
 */
public interface ContainerRuntime {

    /** Which engine this is; fails with {@code ENGINE_UNAVAILABLE} when it cannot be reached. */
    EngineFacts engine();

    /** Whether the image is present on this node; never pulls. */
    boolean imageExists(String image);

    /** Pulls an image; {@code IMAGE_MISSING} when it cannot be had (no registry, unknown name, no access). */
    void pullImage(String image);

    /** Creates a bridge network unless one of that name exists. Idempotent. */
    void ensureNetwork(String name, Map<String, String> labels);

    /** Removes a network when no container uses it; absent or in use is not an error. */
    void removeNetworkIfUnused(String name);

    /**
     * Creates a container, hardened whatever the definition says: all capabilities dropped but
     * {@link ContainerDefinition#capabilities()}, no-new-privileges, an init process, no restart policy.
     *
     * @return the container id
     * @throws RuntimeFailure {@code IMAGE_MISSING} when the image is not on the node, {@code CONFLICT} when the
     *         name is taken, {@code INVALID} when the engine refuses the definition
     */
    String create(ContainerDefinition definition);

    /** The container's current state, empty when it does not exist. */
    Optional<ContainerState> inspect(String container);

    /** Every container, running or not, that carries all the given labels. */
    List<ContainerState> list(Map<String, String> labels);

    /** Starts a container; starting a running one does nothing. {@code NOT_FOUND} when it does not exist. */
    void start(String container);

    /**
     * Sends a signal (e.g. {@code SIGTERM}, {@code SIGKILL}) to the container's main process; a container that
     * is not running or does not exist is left alone.
     */
    void signal(String container, String signal);

    /** Waits until the container is not running; its exit code, or empty when it still runs after {@code timeout}. */
    OptionalInt awaitExit(String container, Duration timeout);

    /** Removes a container, stopping it first if needed; an absent container is not an error. */
    void remove(String container);

    /**
     * Attaches to the container's stdin and keeps the attachment open until closed or the container stops.
     * One per container: on podman, ending any attach closes the container's stdin for good.
     */
    ConsoleInput attachInput(String container);

    /**
     * Follows the container's output (stdout and stderr) line by line without attaching to it.
     *
     * @param since first moment of output to deliver; null delivers all of it
     * @param lines called on a thread of the runtime for each line, in order
     * @param ended called once when the output ends (container stopped, subscription closed, engine gone)
     */
    Subscription followOutput(String container, @Nullable Instant since, Consumer<String> lines, Runnable ended);

    /** The last {@code lines} lines of the container's output (stdout and stderr together). */
    List<String> tail(String container, int lines);

    /** One resource sample of a running container; empty when it is not running. */
    Optional<UsageSample> usage(String container);

    /**
     * Streams container events (start, die, oom, health) of containers carrying all the given labels.
     *
     * @param ended called once when the stream ends; the caller resubscribes
     */
    Subscription watchEvents(Map<String, String> labels, Consumer<EngineEvent> events, Consumer<@Nullable Throwable> ended);

    /**
     * Builds an image from a tar build context.
     *
     * @param output each line the build prints
     * @return the image id
     * @throws RuntimeFailure {@code BUILD_FAILED} with the engine's message when the build fails
     */
    String build(InputStream context, @Nullable String dockerfile, String tag, Map<String, String> buildArgs,
            Map<String, String> labels, Consumer<String> output);

    /** Something the caller can end; ending twice does nothing. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
