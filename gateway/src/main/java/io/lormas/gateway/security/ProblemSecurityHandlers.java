package io.lormas.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.lormas.gateway.web.Problem;
import io.lormas.gateway.web.Problems;

/** 401 and 403 as problem+json (Spring Security's reactive defaults answer with an empty body). */
final class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                TokenFailures.tokenWasSent(failure) ? "Bearer error=\"invalid_token\"" : "Bearer");
        return Problems.write(exchange, Problem.unauthorized(TokenFailures.describe(failure)));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return Problems.write(exchange, Problem.forbidden("the access token does not allow "
                + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value()));
    }
}
