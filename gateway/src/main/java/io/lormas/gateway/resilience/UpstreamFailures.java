package io.lormas.gateway.resilience;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.http.client.PrematureCloseException;

import io.lormas.gateway.web.Problem;
import io.lormas.gateway.web.ProblemMapper;

/**
 * What a failing upstream looks like to the caller: 503 when it is down (refused, unknown host, connect timeout),
 * when its breaker is open or its route is at its concurrency limit; 504 when it did not answer within the route's
 * time limit; 502 when it hung up mid-answer. Each is logged once, at WARN, without a stack trace.
 */
@Component
class UpstreamFailures implements ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(UpstreamFailures.class);
    /** resilience4j-bulkhead is only on the runtime classpath (the circuit breaker starter's semaphore bulkhead). */
    private static final String BULKHEAD_FULL = "io.github.resilience4j.bulkhead.BulkheadFullException";

    @Override
    public Optional<Problem> map(Throwable failure, ServerWebExchange exchange) {
        String service = service(exchange);
        Problem problem = classify(failure, service);
        if (problem != null) {
            log.warn("{} {} -> {} via route {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), problem.status().value(), service, describe(failure));
        }
        return Optional.ofNullable(problem);
    }

    private static Problem classify(Throwable failure, String service) {
        if (failure instanceof CallNotPermittedException || failure instanceof ServiceUnavailableException) {
            return Problem.upstreamUnavailable(service + " is failing; requests are paused for a moment (circuit open), "
                    + "retry later").with("route", service);
        }
        if (BULKHEAD_FULL.equals(failure.getClass().getName())) {
            return Problem.upstreamUnavailable(service + " has too many requests in flight; retry later")
                    .with("route", service);
        }
        if (failure instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
            return timeout(service);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return timeout(service);
            }
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof UnknownHostException) {
                return Problem.upstreamUnavailable(service + " is unavailable; retry later").with("route", service);
            }
            if (cause instanceof PrematureCloseException || cause instanceof ClosedChannelException) {
                return Problem.badGateway(service + " closed the connection before answering").with("route", service);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static Problem timeout(String service) {
        return Problem.upstreamTimeout(service + " did not answer in time").with("route", service);
    }

    private static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "upstream" : route.getId();
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
                : failure.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
