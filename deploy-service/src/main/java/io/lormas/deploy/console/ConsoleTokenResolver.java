package io.lormas.deploy.console;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens from the {@code Authorization} header everywhere, and from {@code ?access_token=} only on the
 * console's WebSocket upgrade (browsers cannot set headers there). Anywhere else a token in the URL would end up
 * in logs and histories, so it is not accepted.
 */
@Component
class ConsoleTokenResolver implements BearerTokenResolver {

    private static final Pattern CONSOLE = Pattern.compile("/api/servers/[^/]+/console/?");

    private final DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
    private final DefaultBearerTokenResolver withQuery = new DefaultBearerTokenResolver();

    ConsoleTokenResolver() {
        withQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        if ("GET".equals(request.getMethod()) && CONSOLE.matcher(request.getRequestURI()).matches()) {
            return withQuery.resolve(request);
        }
        return headerOnly.resolve(request);
    }
}
