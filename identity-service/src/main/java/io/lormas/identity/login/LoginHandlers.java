package io.lormas.identity.login;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import io.lormas.identity.IdentitySettings;
import io.lormas.identity.user.Users;

/**
 * After a sign-in attempt: count failures for throttling, remember the email for the next form, and send the
 * browser back to where it came from (the authorization request), or to the console.
 */
@Component
public class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String EMAIL_ATTRIBUTE = "lormas.login.email";

    private final LoginThrottle throttle;
    private final Users users;
    private final SavedRequestAwareAuthenticationSuccessHandler resume = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginHandlers(LoginThrottle throttle, Users users, IdentitySettings settings) {
        this.throttle = throttle;
        this.users = users;
        resume.setDefaultTargetUrl(settings.issuer() + "/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        String email = request.getParameter("email");
        if (email != null) {
            throttle.succeeded(email);
        }
        users.recordLogin(UUID.fromString(authentication.getName()), Instant.now());
        if (request.getSession(false) != null) {
            request.getSession().removeAttribute(EMAIL_ATTRIBUTE);
        }
        resume.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String email = request.getParameter("email");
        if (email != null && email.length() <= 254) {
            request.getSession().setAttribute(EMAIL_ATTRIBUTE, email);
        }
        String outcome;
        if (exception instanceof SecondFactorRequired required && !required.codeGiven()) {
            outcome = "code";
        } else {
            throttle.failed(email, request.getRemoteAddr());
            outcome = exception instanceof SecondFactorRequired ? "code-invalid"
                    : exception instanceof DisabledException ? "suspended" : "error";
        }
        response.sendRedirect(request.getContextPath() + "/login?" + outcome);
    }
}
