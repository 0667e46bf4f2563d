package io.lormas.testkit.agent;

import io.lormas.contracts.agent.Command;

/** Decides how a {@link SimulatedAgent} answers a command; called on the fleet's threads, keep it quick. */
@FunctionalInterface
public interface CommandHandler {

    /** Answers {@code success} with an empty result. */
    CommandHandler SUCCEED = command -> Reply.success(command.id());

    Reply handle(Command command);
}
