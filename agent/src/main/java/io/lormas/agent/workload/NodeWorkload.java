package io.lormas.agent.workload;

import io.lormas.agent.runtime.RuntimeFailure;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the workload's background parts: console flushing, engine events, stats and disk checks.
 * Containers keep running when the agent stops; a new agent picks them up from the engine.
 */
@Singleton
public final class NodeWorkload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeWorkload.class);

    private final NodeInventory inventory;
    private final ConsoleOutput output;
    private final ContainerWatch watch;
    private final UsageMonitor usage;
    private final ServerConsole console;

    NodeWorkload(NodeInventory inventory, ConsoleOutput output, ContainerWatch watch, UsageMonitor usage,
            ServerConsole console) {
        this.inventory = inventory;
        this.output = output;
        this.watch = watch;
        this.usage = usage;
        this.console = console;
    }

    public void start() {
        try {
            inventory.removeLeftoverInstallContainers();
        } catch (RuntimeFailure e) {
            LOG.warn("cannot look for leftover install containers: {}", e.getMessage());
        }
        output.start();
        watch.start();
        usage.start();
    }

    @Override
    public void close() {
        usage.close();
        watch.close();
        output.close();
        console.close();
    }
}
