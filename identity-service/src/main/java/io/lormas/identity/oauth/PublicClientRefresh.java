package io.lormas.identity.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Refresh tokens for the public console client, which SAS does not support: it issues no refresh token to a public
 * client and authenticates one only for an authorization code with a PKCE verifier. A browser SPA cannot keep a
 * secret, so with rotation and reuse detection ({@link RefreshTokenFamilies}) the refresh token itself is what
 * proves the session, as OAuth 2.0 for Browser-Based Apps recommends.
 */
public final class PublicClientRefresh {

    private PublicClientRefresh() {
    }

    /**
     * Reads {@code client_id} without a secret from a refresh-token request, or from a revocation request, as a
     * public client authentication. Everything else is left to SAS's converters.
     */
    public static final class Converter implements AuthenticationConverter {

        private final String revocationPath;

        public Converter(String revocationPath) {
            this.revocationPath = revocationPath;
        }

        @Override
        public @Nullable Authentication convert(HttpServletRequest request) {
            if (!"POST".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
                return null;
            }
            String grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
            boolean refresh = AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(grantType);
            boolean revocation = grantType == null && request.getRequestURI().endsWith(revocationPath)
                    && request.getParameter(OAuth2ParameterNames.TOKEN) != null;
            if (!refresh && !revocation) {
                return null;
            }
            String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            if (clientIds == null || clientIds.length != 1 || clientIds[0].isBlank()) {
                return null;
            }
            Map<String, Object> additional = new HashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                if (!OAuth2ParameterNames.CLIENT_ID.equals(name)) {
                    additional.put(name, values.length == 1 ? values[0] : values);
                }
            });
            return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null, additional);
        }
    }

    /**
     * Authenticates a public client (auth method {@code none}) for a refresh-token grant or a revocation. It
     * returns null for any other request, so the authorization code grant still goes through SAS's PKCE check.
     */
    public static final class Provider implements AuthenticationProvider {

        private final RegisteredClientRepository clients;

        public Provider(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public @Nullable Authentication authenticate(Authentication authentication) {
            OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
            if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())) {
                return null;
            }
            Object grantType = token.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE);
            boolean refresh = AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(grantType);
            boolean revocation = grantType == null && token.getAdditionalParameters().containsKey(OAuth2ParameterNames.TOKEN);
            if (!refresh && !revocation) {
                return null;
            }
            RegisteredClient client = clients.findByClientId(String.valueOf(token.getPrincipal()));
            if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    /** SAS's refresh-token generator without its refusal of public clients. */
    public static final class TokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

        private final StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
        private final Clock clock = Clock.systemUTC();

        @Override
        public @Nullable OAuth2RefreshToken generate(OAuth2TokenContext context) {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                    || !context.getRegisteredClient().getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                return null;
            }
            Instant issuedAt = clock.instant();
            return new OAuth2RefreshToken(values.generateKey(), issuedAt,
                    issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
        }
    }
}
