package io.lormas.identity.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import io.lormas.identity.client.ClientRegistry;
import io.lormas.identity.client.OAuthClient;
import io.lormas.identity.role.Roles;
import io.lormas.identity.user.EffectivePermissions;
import io.lormas.identity.user.User;
import io.lormas.identity.user.Users;

/**
 * The claims every Lormas service reads (see libs/platform {@code LormasPrincipal}):
 * <ul>
 * <li>users: {@code sub} = user id, {@code principal_type=user}, {@code roles}, {@code permissions}, {@code email};
 * <li>integrator clients: {@code sub} = client id, {@code principal_type=client}, {@code owner_id}, {@code permissions}
 * = granted scopes that the owner still holds;
 * <li>platform service clients: {@code principal_type=client}, {@code permissions} = configured ones;
 * <li>node agents: {@code principal_type=agent}, {@code node_id}, {@code scope=[agent]}.
 * </ul>
 * Computed at every issuance, so suspended users and removed permissions get no new token. Claim values are
 * plain {@link ArrayList}s: SAS stores them with the authorization, and its JSON allowlist refuses immutable
 * collections.
 */
@Component
public class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Users users;
    private final Roles roles;
    private final EffectivePermissions permissions;
    private final ClientRegistry clients;

    TokenClaims(Users users, Roles roles, EffectivePermissions permissions, ClientRegistry clients) {
        this.users = users;
        this.roles = roles;
        this.permissions = permissions;
        this.clients = clients;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (accessToken && AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            clientClaims(context);
        } else if (accessToken || idToken) {
            User user = activeUser(context.getPrincipal().getName());
            context.getClaims().claim("email", user.email());
            if (accessToken) {
                context.getClaims().claim("principal_type", "user")
                        .claim("roles", new ArrayList<>(roles.namesOfUser(user.id())))
                        .claim("permissions", new ArrayList<>(permissions.of(user.id())));
            } else if (user.displayName() != null) {
                context.getClaims().claim("name", user.displayName());
            }
        }
    }

    private void clientClaims(JwtEncodingContext context) {
        String clientId = context.getRegisteredClient().getClientId();
        OAuthClient client = clients.find(clientId).orElseThrow(() -> refuse(OAuth2ErrorCodes.INVALID_CLIENT,
                "the client is not registered any more"));
        Set<String> requested = new TreeSet<>(context.getAuthorizedScopes().isEmpty()
                ? context.getRegisteredClient().getScopes() : context.getAuthorizedScopes());
        switch (client.kind()) {
            case OAuthClient.AGENT -> context.getClaims()
                    .claim("principal_type", "agent")
                    .claim("node_id", String.valueOf(client.nodeId()))
                    .claim("scope", new ArrayList<>(List.of(ClientRegistry.AGENT_SCOPE)));
            case OAuthClient.INTEGRATOR -> {
                UUID ownerId = client.ownerId();
                if (ownerId == null) {
                    throw refuse(OAuth2ErrorCodes.INVALID_CLIENT, "the client has no owner");
                }
                User owner = users.findById(ownerId).filter(User::active).orElseThrow(() -> refuse(
                        OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "the owner of this client is suspended or deleted"));
                Set<String> granted = new TreeSet<>(requested);
                granted.retainAll(permissions.of(owner.id()));
                context.getClaims()
                        .claim("principal_type", "client")
                        .claim("owner_id", owner.id().toString())
                        .claim("permissions", new ArrayList<>(granted))
                        .claim("scope", new ArrayList<>(granted));
            }
            default -> context.getClaims()
                    .claim("principal_type", "client")
                    .claim("permissions", new ArrayList<>(requested))
                    .claim("scope", new ArrayList<>(requested));
        }
    }

    private User activeUser(String principalName) {
        UUID id;
        try {
            id = UUID.fromString(principalName);
        } catch (IllegalArgumentException e) {
            throw refuse(OAuth2ErrorCodes.INVALID_GRANT, "unknown principal");
        }
        return users.findById(id).filter(User::active)
                .orElseThrow(() -> refuse(OAuth2ErrorCodes.INVALID_GRANT, "the account is suspended or deleted"));
    }

    private static OAuth2AuthenticationException refuse(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
