package io.lormas.catalog.plan.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.catalog.plan.Plan;
import io.lormas.catalog.plan.PlanManagement;
import io.lormas.catalog.plan.PlanManagement.PlanSpec;
import io.lormas.catalog.plan.Plans;
import io.lormas.catalog.web.Page;
import io.lormas.catalog.web.PageRequest;
import io.lormas.contracts.Money;
import io.lormas.contracts.identity.Permissions;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.ProblemException;

/**
 * Plans. Everyone, signed in or not, reads the visible ones; {@code plans.write} sees all and creates, changes and
 * retires them.
 */
@RestController
@RequestMapping("/api/catalog/plans")
class PlanController {

    static final String DECIMAL = "\\d{1,14}(\\.\\d{1,6})?";
    static final String DECIMAL_MESSAGE = "must be a non-negative decimal string with at most 6 decimals, e.g. \"0.0125\"";

    private final Plans plans;
    private final PlanManagement management;

    PlanController(Plans plans, PlanManagement management) {
        this.plans = plans;
        this.management = management;
    }

    /** Money as it arrives: a decimal string (never a binary floating-point number) and an ISO 4217 code. */
    record MoneyBody(@NotNull @Pattern(regexp = DECIMAL, message = DECIMAL_MESSAGE) String amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter ISO 4217 code such as EUR") String currency) {

        BigDecimal value() {
            return new BigDecimal(amount).setScale(6);
        }
    }

    /** A new plan; absent optional fields get the defaults shown. */
    record PlanRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name,
            @Size(max = 2000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") @Nullable String description,
            @NotNull @Min(1) @Max(1_024_000) Long cpuMillis,
            @NotNull @Min(1) @Max(16_777_216) Long memoryMib,
            @Min(-1) @Max(16_777_216) @Nullable Long swapMib,
            @NotNull @Min(1) @Max(1_073_741_824) Long diskMib,
            @Min(10) @Max(1000) @Nullable Integer ioWeight,
            @NotNull @Min(1) @Max(100) Integer ports,
            @Min(0) @Max(1000) @Nullable Integer backups,
            @Min(0) @Max(1000) @Nullable Integer databases,
            @Min(1) @Max(10) @Nullable Integer maxReplicas,
            @NotNull @Valid MoneyBody hourlyPrice,
            @Nullable Boolean active,
            @Nullable Boolean visible) {

        PlanSpec spec() {
            return new PlanSpec(name, description == null ? "" : description, cpuMillis, memoryMib,
                    swapMib == null ? 0 : swapMib, diskMib, ioWeight == null ? 500 : ioWeight, ports,
                    backups == null ? 0 : backups, databases == null ? 0 : databases,
                    maxReplicas == null ? 1 : maxReplicas, hourlyPrice.value(), hourlyPrice.currency(),
                    active == null || active, visible == null || visible);
        }
    }

    /**
     * Changes to a plan: only the fields given change.
     *
     * @param version when given, the version the change was based on; another current version is a 409
     */
    record PlanChanges(
            @Size(min = 1, max = 100) @Pattern(regexp = "(?s)(?=.*\\S)[^\\p{Cntrl}]*",
                    message = "must not be blank nor contain control characters") @Nullable String name,
            @Size(max = 2000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") @Nullable String description,
            @Min(1) @Max(1_024_000) @Nullable Long cpuMillis,
            @Min(1) @Max(16_777_216) @Nullable Long memoryMib,
            @Min(-1) @Max(16_777_216) @Nullable Long swapMib,
            @Min(1) @Max(1_073_741_824) @Nullable Long diskMib,
            @Min(10) @Max(1000) @Nullable Integer ioWeight,
            @Min(1) @Max(100) @Nullable Integer ports,
            @Min(0) @Max(1000) @Nullable Integer backups,
            @Min(0) @Max(1000) @Nullable Integer databases,
            @Min(1) @Max(10) @Nullable Integer maxReplicas,
            @Valid @Nullable MoneyBody hourlyPrice,
            @Nullable Boolean active,
            @Nullable Boolean visible,
            @Min(1) @Nullable Integer version) {

        PlanSpec applyTo(PlanSpec s) {
            return new PlanSpec(or(name, s.name()), or(description, s.description()), or(cpuMillis, s.cpuMillis()),
                    or(memoryMib, s.memoryMib()), or(swapMib, s.swapMib()), or(diskMib, s.diskMib()),
                    or(ioWeight, s.ioWeight()), or(ports, s.ports()), or(backups, s.backups()),
                    or(databases, s.databases()), or(maxReplicas, s.maxReplicas()),
                    hourlyPrice == null ? s.hourlyPrice() : hourlyPrice.value(),
                    hourlyPrice == null ? s.currency() : hourlyPrice.currency(), or(active, s.active()),
                    or(visible, s.visible()));
        }

        private static <T> T or(@Nullable T given, T current) {
            return given == null ? current : given;
        }
    }

    record PlanResponse(UUID id, String name, String description, long cpuMillis, long memoryMib, long swapMib,
            long diskMib, int ioWeight, int ports, int backups, int databases, int maxReplicas, Money hourlyPrice,
            boolean active, boolean visible, int version, Instant createdAt, Instant updatedAt) {

        static PlanResponse of(Plan p) {
            return new PlanResponse(p.id(), p.name(), p.description(), p.cpuMillis(), p.memoryMib(), p.swapMib(),
                    p.diskMib(), p.ioWeight(), p.ports(), p.backups(), p.databases(), p.maxReplicas(), p.price(),
                    p.active(), p.visible(), p.version(), p.createdAt(), p.updatedAt());
        }
    }

    @PostMapping
    ResponseEntity<PlanResponse> create(@Valid @RequestBody PlanRequest request) {
        Principals.requirePermission(Permissions.PLANS_WRITE);
        Plan plan = management.create(request.spec());
        return ResponseEntity.created(URI.create("/api/catalog/plans/" + plan.id())).body(PlanResponse.of(plan));
    }

    /** Public: visible plans for everyone, every live plan for plan managers. */
    @GetMapping
    Page<PlanResponse> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(plans.findPage(!isManager(), page.after(), page.fetch()), page.limit(), Plan::id,
                PlanResponse::of);
    }

    /** Public for visible plans; a hidden plan is 404 for anyone but plan managers. */
    @GetMapping("/{id}")
    PlanResponse get(@PathVariable UUID id) {
        Plan plan = plans.findById(id).filter(p -> p.visible() || isManager())
                .orElseThrow(() -> ProblemException.notFound("plan", id));
        return PlanResponse.of(plan);
    }

    @PatchMapping("/{id}")
    PlanResponse update(@PathVariable UUID id, @Valid @RequestBody PlanChanges changes) {
        Principals.requirePermission(Permissions.PLANS_WRITE);
        return PlanResponse.of(management.update(id, changes::applyTo, changes.version()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> retire(@PathVariable UUID id) {
        Principals.requirePermission(Permissions.PLANS_WRITE);
        management.retire(id);
        return ResponseEntity.noContent().build();
    }

    private static boolean isManager() {
        return Principals.current().map(p -> p.can(Permissions.PLANS_WRITE)).orElse(false);
    }
}
