package io.lormas.gateway.security;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.lormas.gateway.web.Problem;
import io.lormas.gateway.web.ProblemMapper;

/**
 * Says why a token was refused in words a client developer can act on, without echoing the token or the
 * validator's internals; and maps an outage of token verification (signing keys unreachable) to 503, not 401:
 * the caller's token may well be fine.
 */
@Component
class TokenFailures implements ProblemMapper {

    static String describe(AuthenticationException failure) {
        if (failure instanceof InvalidBearerTokenException && failure.getCause() instanceof JwtValidationException invalid) {
            for (OAuth2Error error : invalid.getErrors()) {
                String description = String.valueOf(error.getDescription());
                if (description.contains("expired")) {
                    return "the access token has expired";
                }
                if (description.contains("nbf") || description.contains("not before") || description.contains("used before")) {
                    return "the access token is not valid yet";
                }
                if (description.contains("iss")) {
                    return "the access token was issued by another issuer";
                }
                if (description.contains("aud")) {
                    return "the access token is not meant for this platform (audience)";
                }
            }
            return "the access token failed validation";
        }
        if (failure instanceof InvalidBearerTokenException) {
            return "the access token is not valid: malformed, unsigned, or not signed by identity-service";
        }
        if (failure instanceof OAuth2AuthenticationException oauth && "invalid_request".equals(oauth.getError().getErrorCode())) {
            return "the Authorization header is malformed: send 'Authorization: Bearer <token>'";
        }
        return "authentication required: send a bearer access token";
    }

    static boolean tokenWasSent(AuthenticationException failure) {
        return failure instanceof OAuth2AuthenticationException;
    }

    @Override
    public Optional<Problem> map(Throwable failure, ServerWebExchange exchange) {
        if (failure instanceof AuthenticationServiceException) {
            return Optional.of(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "token-verification-unavailable",
                    "Service unavailable", "access tokens cannot be verified right now (identity-service's signing "
                            + "keys are unreachable); retry later"));
        }
        return Optional.empty();
    }
}
