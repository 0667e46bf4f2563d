package io.lormas.identity.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import io.lormas.identity.IdentitySettings;
import io.lormas.identity.key.KeyRing;
import io.lormas.identity.login.LoginHandlers;
import io.lormas.identity.login.LoginThrottle;
import io.lormas.identity.login.LoginThrottleFilter;
import io.lormas.identity.oauth.PublicClientRefresh;
import io.lormas.identity.oauth.UserInfo;
import io.lormas.identity.role.Roles;
import io.lormas.identity.user.Users;
import io.lormas.platform.security.PlatformSecurity;
import io.lormas.platform.security.SecuritySettings;

/**
 * Three filter chains, tried in order: the authorization server's protocol endpoints, the bearer-token API
 * ({@code /api/**}, the same rules as every Lormas service), and the browser pages (login, logout) with sessions
 * and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
            AuthorizationServerSettings server, Users users, Roles roles) throws Exception {
        http.oauth2AuthorizationServer(authorizationServer -> {
            http.securityMatcher(authorizationServer.getEndpointsMatcher());
            authorizationServer
                    .oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(
                            context -> UserInfo.of(context, users, roles))))
                    .clientAuthentication(authentication -> authentication
                            .authenticationConverter(new PublicClientRefresh.Converter(server.getTokenRevocationEndpoint()))
                            .authenticationProvider(new PublicClientRefresh.Provider(clients)));
        })
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // browsers asking to authorize are sent to the login page; API clients get a 401
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, SecuritySettings settings) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**");
        return PlatformSecurity.apply(http, settings).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain loginChain(HttpSecurity http, LoginHandlers handlers, LoginThrottle throttle)
            throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", "/error", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").usernameParameter("email")
                        .successHandler(handlers).failureHandler(handlers))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /** Argon2id for people's passwords, SHA-256 for generated secrets (see {@link PasswordHashing}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new PasswordHashing();
    }

    /**
     * identity validates its own tokens straight from the key ring (no HTTP round trip to itself), with the same
     * issuer rule as every other service.
     */
    @Bean
    JwtDecoder jwtDecoder(KeyRing keyRing, IdentitySettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keyRing)
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuer())));
        return decoder;
    }
}
