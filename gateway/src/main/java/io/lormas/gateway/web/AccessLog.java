package io.lormas.gateway.web;

import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One structured log line per request on the {@code io.lormas.gateway.access} logger (JSON with the console's
 * structured format): method, path, status, duration, route, client address, request id and trace id. The query
 * string is never logged: it can carry tokens ({@code access_token}) and authorization codes.
 * <p>
 * Failures are turned into problems here, inside the filter chain, so the line shows the status the client got.
 */
@Component
class AccessLog implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("io.lormas.gateway.access");
    /** Like nginx: the client went away before the answer. */
    private static final int CLIENT_CLOSED = 499;

    private final GatewayErrorHandler errors;

    AccessLog(GatewayErrorHandler errors) {
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange)
                .onErrorResume(failure -> errors.handle(exchange, failure))
                .doFinally(signal -> write(exchange, started, signal));
    }

    private static void write(ServerWebExchange exchange, long started, SignalType signal) {
        if (!log.isInfoEnabled()) {
            return;
        }
        long micros = (System.nanoTime() - started) / 1000;
        HttpStatusCode code = exchange.getResponse().getStatusCode();
        int status = signal == SignalType.CANCEL ? CLIENT_CLOSED : code == null ? 200 : code.value();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        String requestId = RequestIds.of(exchange);
        String traceId = traceId(exchange);
        // in the MDC for the duration of the call, so the structured format puts them where every other line has them
        if (traceId != null) {
            MDC.put("traceId", traceId);
        }
        if (requestId != null) {
            MDC.put("requestId", requestId);
        }
        try {
            log.atInfo()
                    .setMessage("{} {} {} {}ms")
                    .addArgument(method)
                    .addArgument(path)
                    .addArgument(status)
                    .addArgument(micros / 1000.0)
                    .addKeyValue("http.request.method", method)
                    .addKeyValue("url.path", path)
                    .addKeyValue("http.response.status_code", status)
                    .addKeyValue("event.duration_us", micros)
                    .addKeyValue("client.address", ClientAddress.of(exchange))
                    .addKeyValue("route", route == null ? "-" : route.getId())
                    .log();
        } finally {
            MDC.remove("traceId");
            MDC.remove("requestId");
        }
    }

    private static @Nullable String traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> (TracingContext) context.get(TracingContext.class))
                .map(TracingContext::getSpan)
                .map(span -> span.context().traceId())
                .orElse(null);
    }
}
