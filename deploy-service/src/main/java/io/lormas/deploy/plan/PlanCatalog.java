package io.lormas.deploy.plan;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.lormas.contracts.catalog.PlanPublished;
import io.lormas.contracts.catalog.PlanRetired;
import io.lormas.platform.events.EventHandler;

/** Keeps plans from catalog events. Lookups are cached for a second (another replica may have applied a change). */
@Component
public class PlanCatalog {

    private static final long TTL_NANOS = 1_000_000_000L;

    private final Plans plans;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<Plan> plan, long readAtNanos) {
    }

    PlanCatalog(Plans plans) {
        this.plans = plans;
    }

    @EventHandler
    void on(PlanPublished event) {
        plans.upsert(new Plan(event.planId(), event.version(), event.name(), event.cpuMillis(), event.memoryMib(),
                event.swapMib(), event.diskMib(), event.ioWeight(), event.ports(), event.maxReplicas(),
                new BigDecimal(event.hourlyPrice().amount()), event.hourlyPrice().currency(), event.active(), false));
        cache.remove(event.planId());
    }

    @EventHandler
    void on(PlanRetired event) {
        plans.retire(event.planId());
        cache.remove(event.planId());
    }

    public Optional<Plan> find(UUID planId) {
        Cached cached = cache.get(planId);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < TTL_NANOS) {
            return cached.plan();
        }
        Optional<Plan> found = plans.findById(planId);
        if (cache.size() > 2_000) {
            cache.clear();
        }
        if (found.isPresent()) {
            cache.put(planId, new Cached(found, System.nanoTime()));
        }
        return found;
    }
}
