package io.lormas.identity.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.contracts.identity.Permissions;
import io.lormas.identity.IdentitySettings;
import io.lormas.identity.role.PermissionRules;
import io.lormas.identity.user.AccountClosed;
import io.lormas.identity.user.EffectivePermissions;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * OAuth clients of Lormas: integrations users create (client_credentials, scopes within their own permissions),
 * node agents (scope {@code agent}), platform services and the console SPA (both from configuration). Secrets are
 * returned once, when created or rotated, and stored hashed.
 */
@Service
public class ClientRegistry {

    public static final String CONSOLE_CLIENT_ID = "lormas-console";
    public static final String AGENT_SCOPE = "agent";
    private static final Logger log = LoggerFactory.getLogger(ClientRegistry.class);
    private static final int MAX_CLIENTS_PER_USER = 50;

    private final RegisteredClientRepository registrations;
    private final OAuthClients clients;
    private final EffectivePermissions permissions;
    private final IdentitySettings settings;

    ClientRegistry(RegisteredClientRepository registrations, OAuthClients clients, EffectivePermissions permissions,
            IdentitySettings settings) {
        this.registrations = registrations;
        this.clients = clients;
        this.permissions = permissions;
        this.settings = settings;
    }

    /** A client with its scopes. */
    public record ClientView(OAuthClient client, Set<String> scopes) {
    }

    /** A client just created or re-keyed; {@code secret} is shown to the caller once and never stored in clear. */
    public record IssuedSecret(ClientView client, String secret) {

        @Override
        public String toString() {
            return "IssuedSecret[client=" + client.client().clientId() + ", secret=****]";
        }
    }

    /**
     * Registers an integration of the calling user.
     *
     * @throws ProblemException 403 when the caller is not a user or lacks a scope (named), 422 for a scope outside
     *         the catalogue, 409 past the per-user limit
     */
    @Transactional
    public IssuedSecret createIntegrator(LormasPrincipal caller, String name, Set<String> scopes) {
        UUID ownerId = requireUser(caller);
        PermissionRules.requireKnown(scopes, "scopes");
        Set<String> held = permissions.of(ownerId);
        for (String scope : scopes) {
            if (!held.contains(scope)) {
                throw ProblemException.forbidden("scope '" + scope + "' exceeds your own permissions");
            }
        }
        if (clients.integrators(ownerId, null, MAX_CLIENTS_PER_USER).size() >= MAX_CLIENTS_PER_USER) {
            throw ProblemException.conflict("you already have " + MAX_CLIENTS_PER_USER + " clients; delete one first");
        }
        String clientId = ClientSecrets.newIntegratorId();
        String secret = ClientSecrets.generate();
        registrations.save(confidentialClient(UUID.randomUUID().toString(), clientId, name, secret, scopes,
                settings.tokens().accessTokenTtl()));
        clients.upsert(new OAuthClient(clientId, OAuthClient.INTEGRATOR, name, ownerId, null, null, null));
        log.info("user {} created OAuth client {} with scopes {}", ownerId, clientId, new TreeSet<>(scopes));
        return new IssuedSecret(get(caller, clientId), secret);
    }

    /** The caller's clients; administrators ({@code clients.admin}) may list anyone's or everyone's. */
    @Transactional(readOnly = true)
    public List<ClientView> list(LormasPrincipal caller, @Nullable UUID ownerId, @Nullable String after, int limit) {
        UUID owner = ownerId;
        if (!caller.can(Permissions.CLIENTS_ADMIN)) {
            owner = requireUser(caller);
            if (ownerId != null && !ownerId.equals(owner)) {
                throw ProblemException.forbidden("permission 'clients.admin' is required to list other users' clients");
            }
        }
        return clients.integrators(owner, after, limit).stream().map(this::view).toList();
    }

    /** An integrator client the caller owns (or any, with {@code clients.admin}); 404 otherwise. */
    @Transactional(readOnly = true)
    public ClientView get(LormasPrincipal caller, String clientId) {
        OAuthClient client = clients.findByClientId(clientId)
                .filter(c -> OAuthClient.INTEGRATOR.equals(c.kind()))
                .filter(c -> caller.can(Permissions.CLIENTS_ADMIN)
                        || (c.ownerId() != null && c.ownerId().equals(caller.userId())
                                && caller.kind() == LormasPrincipal.Kind.USER))
                .orElseThrow(() -> ProblemException.notFound("client", clientId));
        return view(client);
    }

    /** New secret; the old one stops working at once, and so do refresh tokens issued to the client. */
    @Transactional
    public IssuedSecret rotateSecret(LormasPrincipal caller, String clientId) {
        ClientView client = get(caller, clientId);
        RegisteredClient registration = require(clientId);
        String secret = ClientSecrets.generate();
        registrations.save(RegisteredClient.from(registration).clientSecret(ClientSecrets.hash(secret)).build());
        clients.secretRotated(clientId);
        clients.revokeAuthorizations(clientId);
        return new IssuedSecret(client, secret);
    }

    /** Deletes the client and every authorization it holds. */
    @Transactional
    public void delete(LormasPrincipal caller, String clientId) {
        get(caller, clientId);
        remove(clientId);
    }

    /**
     * The OAuth client of a node's agent: {@code client_credentials}, scope {@code agent}. Calling it again for the
     * same node issues a new secret (re-registration) and ends the old client's authorizations.
     */
    @Transactional
    public IssuedSecret createAgent(UUID nodeId) {
        String clientId = "node-" + nodeId;
        String secret = ClientSecrets.generate();
        RegisteredClient existing = registrations.findByClientId(clientId);
        String id = existing == null ? UUID.randomUUID().toString() : existing.getId();
        if (existing != null) {
            clients.revokeAuthorizations(clientId);
        }
        registrations.save(confidentialClient(id, clientId, "agent of node " + nodeId, secret, Set.of(AGENT_SCOPE),
                settings.tokens().accessTokenTtl()));
        clients.upsert(new OAuthClient(clientId, OAuthClient.AGENT, "agent of node " + nodeId, null, nodeId, null, null));
        if (existing != null) {
            clients.secretRotated(clientId);
        }
        log.info("{} OAuth client {} of node {}", existing == null ? "created" : "re-keyed", clientId, nodeId);
        return new IssuedSecret(view(clients.findByClientId(clientId).orElseThrow()), secret);
    }

    /** Removes a node's client; true when there was one (absent is fine: removal is idempotent). */
    @Transactional
    public boolean deleteAgent(UUID nodeId) {
        return clients.findByNode(nodeId).map(client -> {
            remove(client.clientId());
            log.info("deleted OAuth client {} of node {}", client.clientId(), nodeId);
            return true;
        }).orElse(false);
    }

    /** The ownership record of a client, for token claims; empty for unknown clients. */
    @Transactional(readOnly = true)
    public Optional<OAuthClient> find(String clientId) {
        return clients.findByClientId(clientId);
    }

    /** Registers (or updates) the console SPA and the configured platform service clients. */
    @Transactional
    public void registerPlatformClients() {
        RegisteredClient existing = registrations.findByClientId(CONSOLE_CLIENT_ID);
        RegisteredClient.Builder console = RegisteredClient
                .withId(existing == null ? UUID.randomUUID().toString() : existing.getId())
                .clientId(CONSOLE_CLIENT_ID)
                .clientName("Lormas console")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope("openid").scope("profile").scope("email")
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokenSettings(settings.tokens().accessTokenTtl()));
        settings.console().redirectUris().stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(console::redirectUri);
        settings.console().postLogoutRedirectUris().stream().map(String::trim).filter(s -> !s.isEmpty())
                .forEach(console::postLogoutRedirectUri);
        registrations.save(console.build());
        clients.upsert(new OAuthClient(CONSOLE_CLIENT_ID, OAuthClient.CONSOLE, "Lormas console", null, null, null, null));

        settings.serviceClients().forEach((clientId, service) -> {
            RegisteredClient current = registrations.findByClientId(clientId);
            if (!service.enabled()) {
                if (current != null) {
                    remove(clientId);
                    log.info("service client {} has no secret configured any more: removed", clientId);
                }
                return;
            }
            Set<String> scopes = new TreeSet<>(service.permissions());
            for (String scope : scopes) {
                if (!Permissions.exists(scope)) {
                    throw new IllegalStateException("lormas.identity.service-clients." + clientId
                            + ".permissions names '" + scope + "', which is not a Lormas permission");
                }
            }
            registrations.save(confidentialClient(current == null ? UUID.randomUUID().toString() : current.getId(),
                    clientId, clientId, service.secret(), scopes, settings.tokens().accessTokenTtl()));
            clients.upsert(new OAuthClient(clientId, OAuthClient.SERVICE, clientId, null, null, null, null));
        });
    }

    @EventListener
    void on(AccountClosed closed) {
        if (closed.deleted()) {
            clients.clientIdsOf(closed.userId()).forEach(this::remove);
        } else {
            clients.clientIdsOf(closed.userId()).forEach(clients::revokeAuthorizations);
        }
    }

    private void remove(String clientId) {
        clients.revokeAuthorizations(clientId);
        clients.deleteRegistration(clientId);
    }

    private ClientView view(OAuthClient client) {
        RegisteredClient registration = registrations.findByClientId(client.clientId());
        return new ClientView(client, registration == null ? Set.of() : new TreeSet<>(registration.getScopes()));
    }

    private RegisteredClient require(String clientId) {
        RegisteredClient registration = registrations.findByClientId(clientId);
        if (registration == null) {
            throw ProblemException.notFound("client", clientId);
        }
        return registration;
    }

    private static UUID requireUser(LormasPrincipal caller) {
        if (caller.kind() != LormasPrincipal.Kind.USER || caller.userId() == null) {
            throw ProblemException.forbidden("only users own OAuth clients");
        }
        return caller.userId();
    }

    private RegisteredClient confidentialClient(String id, String clientId, String name, String secret,
            Set<String> scopes, Duration accessTokenTtl) {
        if (scopes.isEmpty()) {
            throw ProblemException.badRequest("a client needs scopes", List.of(new FieldViolation("scopes", "must not be empty")));
        }
        return RegisteredClient.withId(id)
                .clientId(clientId)
                .clientName(name)
                .clientSecret(ClientSecrets.hash(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(scopes))
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .tokenSettings(tokenSettings(accessTokenTtl))
                .build();
    }

    private TokenSettings tokenSettings(Duration accessTokenTtl) {
        return TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(accessTokenTtl)
                .refreshTokenTimeToLive(settings.tokens().refreshTokenTtl())
                // rotation: every refresh answers with a new refresh token (reuse detection in RefreshTokenFamilies)
                .reuseRefreshTokens(false)
                .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
    }
}
