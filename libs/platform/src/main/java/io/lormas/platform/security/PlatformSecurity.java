package io.lormas.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The bearer-token API defaults every service applies to {@code /api/**}: stateless, no CSRF (no cookies),
 * JWT validation, problem+json for 401/403, public paths from {@link SecuritySettings#publicPaths()}.
 * Services that declare their own chains (identity-service) call {@link #apply} to get the same behaviour.
 */
public final class PlatformSecurity {

    private PlatformSecurity() {
    }

    public static HttpSecurity apply(HttpSecurity http, SecuritySettings settings) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        List<String> publicPaths = new ArrayList<>(settings.publicPathsOrEmpty());
        publicPaths.addAll(List.of("/actuator/health/**", "/actuator/health", "/actuator/info", "/v3/api-docs/**",
                "/v3/api-docs", "/error"));
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(authorize -> {
                    for (String path : publicPaths) {
                        String[] parts = path.trim().split("\\s+", 2);
                        if (parts.length == 2) {
                            authorize.requestMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
                        } else {
                            authorize.requestMatchers(parts[0]).permitAll();
                        }
                    }
                    authorize.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .headers(Customizer.withDefaults());
        return http;
    }

    /** Authorities: {@code ROLE_<role>}, {@code PERM_<permission>}, {@code SCOPE_<scope>}. */
    public static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        return jwt -> {
            LormasPrincipal principal = LormasPrincipal.from(jwt);
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            principal.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            principal.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority("PERM_" + p)));
            principal.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }
}
