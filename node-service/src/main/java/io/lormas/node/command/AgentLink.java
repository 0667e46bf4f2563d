package io.lormas.node.command;

import java.util.Set;
import java.util.UUID;

/** What command delivery needs of an agent's session (implemented by the session package). */
public interface AgentLink {

    UUID nodeId();

    /** The session epoch this link was welcomed with. */
    long epoch();

    /**
     * Queues a frame for the agent, in order.
     *
     * @return false when the session is closed, or too slow to take it (then it is being closed)
     */
    boolean send(String frame);

    /** Another session of the node is the current one: tell the agent and close this one. */
    void stale();

    /** The node was removed: tell the agent and close. */
    void removed();

    boolean isOpen();

    /** When this session was last confirmed to be its node's current one ({@link System#nanoTime()}). */
    long verifiedAt();

    /** It was confirmed just now (by Redis). */
    void verified();

    /** Servers deploy-service sent commands for to this node: the only ones the agent may report about. */
    Set<String> servers();
}
