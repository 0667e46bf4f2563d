package io.lormas.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import io.lormas.platform.web.ProblemException;
import io.lormas.platform.web.Problems;

/** 401 and 403 as problem+json (Spring Security's defaults answer with an empty body). */
public final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail = e instanceof InvalidBearerTokenException ? "the access token is invalid or expired"
                : "authentication required: send a bearer access token";
        response.setHeader("WWW-Authenticate", e instanceof InvalidBearerTokenException
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        Problems.write(response, request, ProblemException.unauthorized(detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problems.write(response, request, ProblemException.forbidden("you lack the permission for this action"));
    }
}
