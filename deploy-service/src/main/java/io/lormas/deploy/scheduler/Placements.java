package io.lormas.deploy.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.contracts.deploy.ServerAllocation;
import io.lormas.deploy.node.Nodes;

/**
 * Places a server for real, in two steps, so that placements on one node never queue behind each other's whole
 * creation:
 * <ol>
 * <li>{@link #reserve}: the {@link Scheduler} picks a node from the {@link NodeFleet}; then one statement (the
 * function {@code reserve_placement}) takes the resources with a guarded update (it locks the node row, so
 * concurrent placements on one node are serialized and never overcommit), takes free ports under that lock and
 * records a reservation. It commits at once, without waiting for the disk: should PostgreSQL crash before the
 * reservation reaches the disk, so has every later commit, including the server's.</li>
 * <li>{@link #confirm}: the transaction that stores the server deletes the reservation; the reservation is now the
 * server's. If that transaction fails, {@link #release} gives everything back; if the process dies in between,
 * the sweeper does after {@link SchedulerSettings#reservationTimeout()}.</li>
 * </ol>
 */
@Component
public class Placements {

    private static final Logger log = LoggerFactory.getLogger(Placements.class);
    /** How often a placement may find its chosen node filled by a concurrent one before giving up. */
    private static final int ATTEMPTS = 5;

    private final Scheduler scheduler;
    private final NodeFleet fleet;
    private final Nodes nodes;
    private final Reservations reservations;
    private final TransactionTemplate transactions;
    private final Duration reservationTimeout;

    Placements(SchedulerSettings settings, NodeFleet fleet, Nodes nodes, Reservations reservations,
            PlatformTransactionManager transactionManager) {
        this.scheduler = new Scheduler(settings.strategyOrDefault());
        this.fleet = fleet;
        this.nodes = nodes;
        this.reservations = reservations;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.reservationTimeout = settings.reservationTimeoutOrDefault();
    }

    /** Where a server went. */
    public record Placement(UUID nodeId, String nodeName, String region, List<ServerAllocation> allocations) {
    }

    /** No node can take the server; the decision says why, per node. */
    public static final class Refused extends RuntimeException {

        private final Decision.Refused decision;

        Refused(Decision.Refused decision) {
            super(decision.summary());
            this.decision = decision;
        }

        public Decision.Refused decision() {
            return decision;
        }
    }

    /** The reservation was released (by the sweeper) before the server committed. */
    public static final class Expired extends RuntimeException {

        Expired(UUID serverId) {
            super("the placement of server " + serverId + " expired before it was stored; try again");
        }
    }

    /**
     * Takes resources and ports for a server that is about to be stored, in a statement of its own that commits at
     * once (call it outside any transaction, then {@link #confirm} in the one storing the server).
     *
     * @throws Refused when no node fits, with the reasons of every candidate
     */
    public Placement reserve(PlacementRequest request, UUID serverId) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside a transaction the reservation would hold the node row until that one ends, and make its
            // commit skip waiting for the disk
            throw new IllegalStateException("placements are reserved outside transactions");
        }
        Set<UUID> excluded = new HashSet<>();
        Fleet current = fleet.current();
        boolean reloaded = false;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Decision decision = scheduler.place(request, current, excluded);
            if (decision instanceof Decision.Refused refused) {
                if (!reloaded) { // the snapshot may be stale: refuse only on fresh facts
                    current = fleet.reload();
                    reloaded = true;
                    excluded.clear();
                    continue;
                }
                throw new Refused(refused);
            }
            Decision.Placed placed = (Decision.Placed) decision;
            List<ServerAllocation> ports = reservations.reserve(new Reservations.Reservation(serverId, placed.nodeId(),
                    request.cpuMillis(), request.memoryMib(), request.diskMib(), request.ports()));
            if (!ports.isEmpty()) {
                fleet.reserved(placed.nodeId(), request.cpuMillis(), request.memoryMib(), request.diskMib(),
                        request.ports());
                return new Placement(placed.nodeId(), placed.nodeName(), placed.region(), ports);
            }
            excluded.add(placed.nodeId()); // filled by another replica or changed since the snapshot
            fleet.invalidate();
        }
        Decision last = scheduler.place(request, fleet.reload(), excluded);
        if (last instanceof Decision.Refused refused) {
            throw new Refused(refused);
        }
        throw new Refused(new Decision.Refused("nodes in region " + request.region()
                + " filled up while placing; try again", List.of()));
    }

    /**
     * Makes a reservation the server's, in the transaction storing the server.
     *
     * @throws Expired when the sweeper released it meanwhile
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirm(UUID serverId) {
        if (reservations.take(serverId).isEmpty()) {
            throw new Expired(serverId);
        }
    }

    /** Gives back what a reservation took (the server was not stored); false when there was nothing to give back. */
    public boolean release(UUID serverId) {
        Boolean released = transactions.execute(status -> reservations.take(serverId).map(reservation -> {
            nodes.release(reservation.nodeId(), reservation.cpuMillis(), reservation.memoryMib(),
                    reservation.diskMib(), reservation.ports());
            reservations.deleteAllocations(serverId);
            return reservation;
        }).map(reservation -> {
            fleet.released(reservation.nodeId(), reservation.cpuMillis(), reservation.memoryMib(),
                    reservation.diskMib(), reservation.ports());
            return true;
        }).orElse(false));
        return Boolean.TRUE.equals(released);
    }

    /** Releases reservations whose server never committed (the process died in between). */
    @Scheduled(fixedDelayString = "${lormas.deploy.scheduler.sweep-interval:30s}")
    void sweep() {
        try {
            for (UUID serverId : reservations.olderThan(Instant.now().minus(reservationTimeout), 100)) {
                if (release(serverId)) {
                    log.warn("released the placement of server {}: it was never stored", serverId);
                }
            }
        } catch (RuntimeException e) {
            log.warn("sweeping placement reservations failed, retrying next round: {}", e.toString());
        }
    }
}
