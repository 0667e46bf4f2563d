package io.lormas.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * Reads the current trace as a W3C {@code traceparent} (stored with each outbox row and sent as a Pulsar
 * message property) and continues a trace from one when a message is consumed. Without a tracer (tracing
 * switched off) both are no-ops.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    public TraceContext(@Nullable Tracer tracer, @Nullable Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public static TraceContext none() {
        return new TraceContext(null, null);
    }

    /** The current span as {@code traceparent}, or null outside a trace. */
    public @Nullable String currentTraceparent() {
        if (tracer == null || propagator == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Runs {@code work} in a consumer span that continues the trace of {@code traceparent} (when present). */
    public <T> T continueTrace(@Nullable String traceparent, String spanName, Supplier<T> work) {
        if (tracer == null || propagator == null) {
            return work.get();
        }
        Span.Builder builder = traceparent == null ? tracer.spanBuilder()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), (carrier, key) -> carrier.get(key));
        Span span = builder.name(spanName).kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
