package io.lormas.agent.controlplane;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

import io.lormas.agent.workload.Uplink;
import io.lormas.contracts.agent.AgentMessage;
import io.lormas.contracts.agent.CommandResult;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * The workload's way to the control plane, whichever session is current. Command results are kept until
 * written to a session, and those written to none are sent again after the next {@code welcome} (the control
 * plane dedupes by command id); other frames are sent only while a session is open.
 */
@Singleton
public final class Outbox implements Uplink {

    private static final int MAX_UNSENT_RESULTS = 1000;

    private volatile @Nullable AgentSession session;
    private final LinkedHashMap<String, CommandResult> unsent = new LinkedHashMap<>();

    @Override
    public void send(AgentMessage.FromAgent frame) {
        if (frame instanceof CommandResult result) {
            synchronized (unsent) {
                unsent.remove(result.commandId());
                unsent.put(result.commandId(), result);
                Iterator<String> oldest = unsent.keySet().iterator();
                while (unsent.size() > MAX_UNSENT_RESULTS && oldest.hasNext()) {
                    oldest.next();
                    oldest.remove(); // still in the journal: a repeated command gets it
                }
            }
        }
        AgentSession current = session;
        if (current != null) {
            current.enqueue(frame);
        }
    }

    @Override
    public boolean connected() {
        AgentSession current = session;
        return current != null && !current.isClosed();
    }

    /** The session is welcomed: from now on frames go there, starting with results no session took. */
    void attach(AgentSession welcomed) {
        List<CommandResult> pending;
        synchronized (unsent) {
            pending = new ArrayList<>(unsent.values());
        }
        session = welcomed;
        pending.forEach(welcomed::enqueue);
    }

    void detach(AgentSession ended) {
        if (session == ended) {
            session = null;
        }
    }

    /** A result reached the socket. */
    void resultSent(String commandId) {
        synchronized (unsent) {
            unsent.remove(commandId);
        }
    }
}
