package io.lormas.node.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.node.node.NodeEvents;
import io.lormas.node.node.Nodes;

/**
 * Marks nodes offline whose presence expired (three missed heartbeats), on every replica: a node goes offline
 * even when the replica that held its session died. Candidates come from the deadline set in Redis (cheap, every
 * {@code sweep-interval}) and, every {@code full-scan-interval}, from all online nodes in the database (in case
 * Redis lost the set). Replicas share the work with {@code FOR UPDATE SKIP LOCKED}; each node's transition
 * happens once, conditioned on its session epoch.
 */
@Component
class PresenceSweeper {

    private static final Logger log = LoggerFactory.getLogger(PresenceSweeper.class);
    private static final int BATCH = 500;

    private final Nodes nodes;
    private final NodeEvents events;
    private final Presence presence;
    private final PresenceSettings settings;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher applicationEvents;
    private Instant lastFullScan = Instant.EPOCH;

    PresenceSweeper(Nodes nodes, NodeEvents events, Presence presence, PresenceSettings settings,
            TransactionTemplate transactions, ApplicationEventPublisher applicationEvents) {
        this.nodes = nodes;
        this.events = events;
        this.presence = presence;
        this.settings = settings;
        this.transactions = transactions;
        this.applicationEvents = applicationEvents;
    }

    @Scheduled(fixedDelayString = "${lormas.node.presence.sweep-interval:2s}",
            initialDelayString = "${lormas.node.presence.sweep-interval:2s}")
    void sweep() {
        try {
            Set<UUID> candidates = new LinkedHashSet<>(presence.expiredDeadlines(BATCH));
            if (Duration.between(lastFullScan, Instant.now()).compareTo(settings.fullScanInterval()) >= 0) {
                lastFullScan = Instant.now();
                List<UUID> online = nodes.online().stream().map(Nodes.OnlineNode::id).toList();
                Set<UUID> alive = presence.present(online);
                online.stream().filter(id -> !alive.contains(id)).forEach(candidates::add);
            }
            if (!candidates.isEmpty()) {
                List<UUID> list = new ArrayList<>(candidates);
                for (int from = 0; from < list.size(); from += BATCH) {
                    expire(list.subList(from, Math.min(list.size(), from + BATCH)));
                }
            }
        } catch (RuntimeException e) {
            log.warn("presence sweep failed (next one in {}): {}", settings.sweepInterval(), e.toString());
        }
    }

    private void expire(List<UUID> candidates) {
        List<PresenceExpired> expired = new ArrayList<>();
        List<UUID> settled = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            List<Nodes.OnlineNode> locked = nodes.lockOnline(candidates);
            Set<UUID> lockedIds = new LinkedHashSet<>();
            locked.forEach(node -> lockedIds.add(node.id()));
            // Re-check under the lock: a heartbeat may have arrived since the candidates were read.
            Set<UUID> alive = presence.present(lockedIds);
            for (Nodes.OnlineNode node : locked) {
                if (alive.contains(node.id())) {
                    continue;
                }
                if (nodes.markOffline(node.id(), node.sessionEpoch()) == 1) {
                    events.wentOffline(node.id(), "heartbeat-timeout");
                    events.updated(node.id());
                    expired.add(new PresenceExpired(node.id(), node.sessionEpoch()));
                }
            }
            settled.addAll(lockedIds); // alive ones keep their deadline: it lies in the future
            // Candidates no longer online (another replica did it, or they never were) are settled too; those still
            // online that we could not lock are being swept by another replica right now.
            List<UUID> unlocked = candidates.stream().filter(id -> !lockedIds.contains(id)).toList();
            Set<UUID> busyElsewhere = unlocked.isEmpty() ? Set.of() : Set.copyOf(nodes.onlineAmong(unlocked));
            unlocked.stream().filter(id -> !busyElsewhere.contains(id)).forEach(settled::add);
        });
        settled.forEach(presence::forgetDeadline);
        for (PresenceExpired event : expired) {
            log.info("node {} went offline: no heartbeat for {}", event.nodeId(), settings.ttl());
            applicationEvents.publishEvent(event);
        }
    }

}
