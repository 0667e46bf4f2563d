package io.lormas.agent.workload;

import io.lormas.contracts.agent.AgentMessage;

/** Where the workload sends its frames: the control-plane session, whichever one is current. */
public interface Uplink {

    /**
     * Queues a frame. Never blocks and never throws. While no session is open, {@code command_result} frames
     * are kept and sent after the next {@code hello}; console, stats and event frames are dropped (the
     * inventory sent on reconnect carries the state).
     */
    void send(AgentMessage.FromAgent frame);

    /** Whether a session is open and welcomed. */
    boolean connected();
}
