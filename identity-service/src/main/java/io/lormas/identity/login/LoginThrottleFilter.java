package io.lormas.identity.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses a sign-in attempt with 429 and a page that says when to try again, before the password is even
 * checked, while the account or the address is throttled.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;background:#f3f4f6;display:flex;"
            + "justify-content:center;margin:0}.card{background:#fff;margin-top:10vh;padding:2rem;border-radius:8px;"
            + "width:22rem}.error{color:#b42318}";

    private final LoginThrottle throttle;

    public LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration blocked = throttle.blockedFor(request.getParameter("email"), request.getRemoteAddr());
        if (blocked == null) {
            chain.doFilter(request, response);
            return;
        }
        long minutes = Math.max(1, (blocked.toSeconds() + 59) / 60);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(Math.max(1, blocked.toSeconds())));
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        String message = "Too many failed sign-in attempts. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
        response.getOutputStream().write(("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign in paused - Lormas</title>
                <style>%s</style></head>
                <body><main class="card"><h1>Lormas</h1><p class="error" role="alert">%s</p>
                <p><a href="login">Back to sign in</a></p></main></body></html>
                """.formatted(STYLE, HtmlUtils.htmlEscape(message))).getBytes(StandardCharsets.UTF_8));
    }
}
