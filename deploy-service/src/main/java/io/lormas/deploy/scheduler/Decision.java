package io.lormas.deploy.scheduler;

import java.util.List;
import java.util.UUID;

/** The scheduler's answer: a node, or a refusal that explains itself per node. */
public sealed interface Decision {

    /** The chosen node and its score (higher is better under the strategy used). */
    record Placed(UUID nodeId, String nodeName, String region, double score) implements Decision {
    }

    /**
     * No node fits.
     *
     * @param summary one sentence naming the region, what was asked and why each node said no
     * @param reasons one entry per node in the region (or the pinned node), first failing filter
     */
    record Refused(String summary, List<NodeRefusal> reasons) implements Decision {

        public Refused {
            reasons = List.copyOf(reasons);
        }
    }

    /** Why one node cannot take the server. */
    record NodeRefusal(UUID nodeId, String node, Filter filter, String reason) {
    }

    /** The filters, in the order they are applied. */
    enum Filter {
        REGION, AVAILABILITY, MEMORY, CPU, DISK, PORTS, LABELS, EXCLUDED
    }
}
