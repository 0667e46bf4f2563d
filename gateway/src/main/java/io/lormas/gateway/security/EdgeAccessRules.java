package io.lormas.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * Who may pass the edge; the first matching rule wins. The edge only decides "anonymous or not" (and the two
 * WebSocket doors); permissions on resources are checked by each service, which validates the token again.
 */
final class EdgeAccessRules {

    /** identity-service's browser endpoints: the authorization server authenticates these itself. */
    static final String[] IDENTITY_BROWSER = { "/oauth2/**", "/.well-known/**", "/login", "/login/**", "/logout",
            "/userinfo", "/connect/**", "/error", "/default-ui.css" };
    /** Plans and runtimes are shown to visitors before they sign up. */
    static final String[] PUBLIC_CATALOG = { "/api/catalog/plans/**", "/api/catalog/runtimes/**" };

    private EdgeAccessRules() {
    }

    static void apply(AuthorizeExchangeSpec rules) {
        rules
                // WebSocket doors: node agents (client_credentials, scope agent) and users' consoles
                .pathMatchers("/agent/connect").hasAuthority("SCOPE_agent")
                .pathMatchers("/api/servers/*/console").hasAnyAuthority(LormasAuthorities.USER, LormasAuthorities.CLIENT)
                .pathMatchers(IDENTITY_BROWSER).permitAll()
                // GitHub signs the body (X-Hub-Signature-256); github-service verifies it
                .pathMatchers(HttpMethod.POST, "/hooks/github").permitAll()
                // agents register with a one-time registration token in the body
                .pathMatchers(HttpMethod.POST, "/api/nodes/register").permitAll()
                .pathMatchers(HttpMethod.GET, PUBLIC_CATALOG).permitAll()
                .pathMatchers(HttpMethod.HEAD, PUBLIC_CATALOG).permitAll()
                .pathMatchers(HttpMethod.GET, "/api/docs", "/api/docs/*").permitAll()
                .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .pathMatchers("/actuator/**").hasRole("admin")
                .pathMatchers("/api/**", "/agent/**").authenticated()
                // the SPA's files
                .pathMatchers(HttpMethod.GET, "/**").permitAll()
                .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                .anyExchange().authenticated();
    }
}
