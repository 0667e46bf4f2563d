package io.lormas.agent.workload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.lormas.agent.runtime.RuntimeFailure;
import io.lormas.contracts.agent.Ack;
import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.CommandError;
import io.lormas.contracts.agent.CommandResult;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes commands from the control plane: acks each at once, runs it on its own virtual thread and answers
 * with its {@code command_result}. Idempotent by command id: an id seen before is answered with the result
 * recorded then (kept across restarts by the {@link CommandJournal}); an id still running gets the same result
 * when it finishes. {@code logs} results are not recorded (read-only, and large): a repeat reads the logs again.
 */
@Singleton
public final class CommandRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    private final CommandJournal journal;
    private final Uplink uplink;
    private final ServerLifecycle lifecycle;
    private final ServerInstaller installer;
    private final ServerConsole console;
    private final NodeInventory inventory;
    private final ImageBuilder builder;
    private final ConcurrentMap<String, CompletableFuture<CommandResult>> inFlight = new ConcurrentHashMap<>();

    CommandRunner(CommandJournal journal, Uplink uplink, ServerLifecycle lifecycle, ServerInstaller installer,
            ServerConsole console, NodeInventory inventory, ImageBuilder builder) {
        this.journal = journal;
        this.uplink = uplink;
        this.lifecycle = lifecycle;
        this.installer = installer;
        this.console = console;
        this.inventory = inventory;
        this.builder = builder;
    }

    /** Acks the command and carries it out in the background. Never throws. */
    public void submit(Command command) {
        uplink.send(new Ack(command.id()));
        Optional<CommandResult> recorded = journal.find(command.id());
        if (recorded.isPresent()) {
            LOG.info("command {} ({}) was executed before; answering the recorded result", command.id(), command.action());
            uplink.send(recorded.get());
            return;
        }
        CompletableFuture<CommandResult> mine = new CompletableFuture<>();
        CompletableFuture<CommandResult> running = inFlight.putIfAbsent(command.id(), mine);
        if (running != null) {
            running.thenAccept(uplink::send);
            return;
        }
        // It may have finished between the lookup and the claim: the journal is written before inFlight is left.
        recorded = journal.find(command.id());
        if (recorded.isPresent()) {
            inFlight.remove(command.id(), mine);
            uplink.send(recorded.get());
            return;
        }
        Thread.ofVirtual().name("command-" + command.id()).start(() -> {
            CommandResult result = execute(command);
            if (command.action() != Command.Action.LOGS) {
                try {
                    journal.record(result);
                } catch (RuntimeException e) {
                    LOG.error("cannot record the result of command {}; a repeat would run it again", command.id(), e);
                }
            }
            inFlight.remove(command.id(), mine);
            mine.complete(result);
            uplink.send(result);
        });
    }

    CommandResult execute(Command command) {
        long started = System.nanoTime();
        try {
            Map<String, Object> facts = switch (command.action()) {
                case CREATE -> lifecycle.create(command);
                case INSTALL -> installer.install(command);
                case START -> lifecycle.start(command);
                case STOP -> lifecycle.stop(command);
                case RESTART -> lifecycle.restart(command);
                case KILL -> lifecycle.kill(command);
                case DELETE -> lifecycle.delete(command);
                case CONSOLE_INPUT -> console.input(command);
                case LOGS -> console.logs(command);
                case RECONCILE -> inventory.reconcile();
                case BUILD -> builder.build(command);
            };
            LOG.info("command {} {} {} succeeded in {} ms", command.id(), command.action(), serverOf(command), millisSince(started));
            return CommandResult.success(command.id(), withTime(facts, started));
        } catch (CommandFailure e) {
            return failure(command, e.code(), e.getMessage(), e.details(), started);
        } catch (RuntimeFailure e) {
            return failure(command, codeOf(e.reason()), e.getMessage(), Map.of(), started);
        } catch (RuntimeException e) {
            LOG.error("command {} {} failed unexpectedly", command.id(), command.action(), e);
            return failure(command, "internal_error", "the agent failed: " + e, Map.of(), started);
        }
    }

    private static CommandResult failure(Command command, String code, String message, Map<String, Object> details,
            long started) {
        LOG.info("command {} {} {} failed: {} {}", command.id(), command.action(), serverOf(command), code, message);
        return new CommandResult(command.id(), CommandResult.Status.FAILURE, withTime(details, started),
                new CommandError(code, message == null || message.isBlank() ? code : message));
    }

    static String codeOf(RuntimeFailure.Reason reason) {
        return switch (reason) {
            case ENGINE_UNAVAILABLE -> "engine_unavailable";
            case IMAGE_MISSING -> "image_missing";
            case NOT_FOUND -> "not_found";
            case NOT_RUNNING -> "not_running";
            case CONFLICT -> "conflict";
            case INVALID -> "invalid_command";
            case BUILD_FAILED -> "build_failed";
            case ENGINE_ERROR -> "engine_error";
        };
    }

    private static Map<String, Object> withTime(Map<String, Object> facts, long started) {
        Map<String, Object> result = new LinkedHashMap<>(facts);
        result.put("tookMillis", millisSince(started));
        return result;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String serverOf(Command command) {
        return command.serverId() == null ? "" : "on " + command.serverId();
    }
}
