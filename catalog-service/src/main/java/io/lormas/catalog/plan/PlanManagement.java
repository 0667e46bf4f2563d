package io.lormas.catalog.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.contracts.catalog.PlanPublished;
import io.lormas.contracts.catalog.PlanRetired;
import io.lormas.platform.id.Ids;
import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * Creates, changes and retires plans, publishing {@code catalog.plan.published} (with the whole plan) or
 * {@code catalog.plan.retired} in the same transaction. Names are unique among live plans regardless of case.
 */
@Service
public class PlanManagement {

    private final Plans plans;
    private final Outbox outbox;

    PlanManagement(Plans plans, Outbox outbox) {
        this.plans = plans;
        this.outbox = outbox;
    }

    /** The editable part of a plan, complete (defaults applied by the caller). */
    public record PlanSpec(String name, String description, long cpuMillis, long memoryMib, long swapMib, long diskMib,
            int ioWeight, int ports, int backups, int databases, int maxReplicas, BigDecimal hourlyPrice,
            String currency, boolean active, boolean visible) {
    }

    @Transactional
    public Plan create(PlanSpec spec) {
        requireKnownCurrency(spec.currency());
        Instant now = Instant.now();
        Plan plan = plan(Ids.newId(), spec, 1, now, now);
        if (plans.nameTaken(plan.name(), plan.id())) {
            throw nameTaken(plan.name());
        }
        try {
            plans.insert(plan);
        } catch (DuplicateKeyException e) {
            throw nameTaken(plan.name());
        }
        publish(plan);
        return plan;
    }

    /**
     * Replaces the editable part of a plan.
     *
     * @param expectedVersion when given, the version the caller read; another one is a 409
     */
    @Transactional
    public Plan update(UUID id, UnaryOperator<PlanSpec> change, @Nullable Integer expectedVersion) {
        Plan current = plans.lockById(id).orElseThrow(() -> ProblemException.notFound("plan", id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw ProblemException.conflict("plan " + id + " is at version " + current.version() + ", not "
                    + expectedVersion + "; read it again and retry");
        }
        PlanSpec spec = change.apply(spec(current));
        requireKnownCurrency(spec.currency());
        if (spec.equals(spec(current))) {
            return current;
        }
        if (plans.nameTaken(spec.name(), id)) {
            throw nameTaken(spec.name());
        }
        Plan plan = plan(id, spec, current.version() + 1, current.createdAt(), Instant.now());
        try {
            if (plans.update(plan) == 0) {
                throw new OptimisticLockingFailureException("plan " + id + " changed concurrently");
            }
        } catch (DuplicateKeyException e) {
            throw nameTaken(spec.name());
        }
        publish(plan);
        return plans.findById(id).orElseThrow();
    }

    /** Retires a plan: hidden, no new servers; servers on it keep running (deploy-service decides). */
    @Transactional
    public void retire(UUID id) {
        plans.lockById(id).orElseThrow(() -> ProblemException.notFound("plan", id));
        plans.retire(id);
        outbox.publish(new PlanRetired(id));
    }

    public static PlanSpec spec(Plan plan) {
        return new PlanSpec(plan.name(), plan.description(), plan.cpuMillis(), plan.memoryMib(), plan.swapMib(),
                plan.diskMib(), plan.ioWeight(), plan.ports(), plan.backups(), plan.databases(), plan.maxReplicas(),
                plan.hourlyPrice(), plan.currency(), plan.active(), plan.visible());
    }

    private static Plan plan(UUID id, PlanSpec spec, int version, Instant createdAt, Instant updatedAt) {
        // Stored with 6 decimals by the column; compare and publish the same value.
        BigDecimal price = spec.hourlyPrice().setScale(6, RoundingMode.UNNECESSARY);
        return new Plan(id, spec.name().strip(), spec.description(), spec.cpuMillis(), spec.memoryMib(),
                spec.swapMib(), spec.diskMib(), spec.ioWeight(), spec.ports(), spec.backups(), spec.databases(),
                spec.maxReplicas(), price, spec.currency(), spec.active(), spec.visible(), version, createdAt,
                updatedAt);
    }

    private void publish(Plan plan) {
        outbox.publish(new PlanPublished(plan.id(), plan.version(), plan.name(), plan.cpuMillis(), plan.memoryMib(),
                plan.swapMib(), plan.diskMib(), plan.ioWeight(), plan.ports(), plan.backups(), plan.databases(),
                plan.maxReplicas(), plan.price(), plan.active(), plan.visible()));
    }

    private static void requireKnownCurrency(String code) {
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'" + code + "' is not an ISO 4217 currency code",
                    List.of(new FieldViolation("hourlyPrice.currency", "is not an ISO 4217 currency code")));
        }
    }

    private static ProblemException nameTaken(String name) {
        return ProblemException.conflict("a plan named '" + name.strip() + "' already exists");
    }
}
