package io.lormas.gateway.web;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every failure that reaches the edge into problem+json: problems raised on purpose, what the
 * {@link ProblemMapper}s recognise, framework status errors (404 no route, 405...), and anything else as a 500
 * that names only the request id (the stack trace goes to the log). Runs before Boot's own handler.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final List<ProblemMapper> mappers;

    GatewayErrorHandler(ObjectProvider<ProblemMapper> mappers) {
        this.mappers = mappers.orderedStream().toList();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            log.debug("failure after the response was committed on {}: {}", exchange.getRequest().getPath(),
                    failure.toString());
            return Mono.error(failure);
        }
        return Problems.write(exchange, problemFor(failure, exchange));
    }

    Problem problemFor(Throwable failure, ServerWebExchange exchange) {
        if (failure instanceof ProblemException problem) {
            return problem.problem();
        }
        for (ProblemMapper mapper : mappers) {
            Optional<Problem> mapped = mapper.map(failure, exchange);
            if (mapped.isPresent()) {
                return mapped.get();
            }
        }
        if (failure instanceof ResponseStatusException status) {
            return fromStatus(status, exchange);
        }
        if (failure instanceof DataBufferLimitException) {
            return Problem.ofStatus(HttpStatus.CONTENT_TOO_LARGE, "request body is too large");
        }
        if (failure instanceof DecodingException) {
            return Problem.ofStatus(HttpStatus.BAD_REQUEST, "request is malformed");
        }
        log.error("unhandled failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                failure);
        return Problem.internal();
    }

    private static Problem fromStatus(ResponseStatusException failure, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.resolve(failure.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String path = exchange.getRequest().getPath().value();
        return switch (status) {
            case NOT_FOUND -> Problem.notFound("nothing is served at " + path);
            case METHOD_NOT_ALLOWED -> Problem.ofStatus(status,
                    exchange.getRequest().getMethod() + " is not allowed on " + path);
            case SERVICE_UNAVAILABLE -> Problem.upstreamUnavailable("the service behind " + path
                    + " is unavailable; retry later");
            case GATEWAY_TIMEOUT -> Problem.upstreamTimeout("the service behind " + path + " did not answer in time");
            default -> {
                if (status.is5xxServerError()) {
                    log.warn("{} on {} {}: {}", status.value(), exchange.getRequest().getMethod(), path,
                            failure.toString());
                }
                yield Problem.ofStatus(status, status.is4xxClientError() && failure.getReason() != null
                        ? failure.getReason() : status.getReasonPhrase());
            }
        };
    }
}
