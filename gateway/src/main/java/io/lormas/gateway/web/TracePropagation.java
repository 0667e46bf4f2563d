package io.lormas.gateway.web;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * W3C trace context ({@code traceparent}) in and out even when spans are not exported. Boot 4 replaces the
 * propagator with a no-op when {@code management.tracing.export.enabled=false}, which would cut every trace at the
 * gateway; with export on, Boot's own propagator is used.
 */
@Configuration(proxyBeanMethods = false)
class TracePropagation {

    @Bean
    @ConditionalOnBooleanProperty(name = "management.tracing.export.enabled", havingValue = false)
    TextMapPropagator w3cPropagatorWithoutExport() {
        return TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());
    }
}
