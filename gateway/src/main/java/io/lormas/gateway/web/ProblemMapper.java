package io.lormas.gateway.web;

import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;

/**
 * Recognises failures of one kind (upstream errors, token verification outages...) and says which problem they
 * are. {@link GatewayErrorHandler} asks every mapper bean in order; the first answer wins.
 */
@FunctionalInterface
public interface ProblemMapper {

    Optional<Problem> map(Throwable failure, ServerWebExchange exchange);
}
