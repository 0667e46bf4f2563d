package io.lormas.node.registration;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.node.node.NodeInput;
import io.lormas.node.node.NodeRegistry;
import io.lormas.platform.web.ProblemException;

/**
 * A node's life with its agent's identity: created with a one-time registration token, registered when the agent
 * trades that token for OAuth client credentials (created at identity-service), removed together with those
 * credentials.
 */
@Service
public class NodeEnrollment {

    private static final Logger log = LoggerFactory.getLogger(NodeEnrollment.class);
    /** How long one exchange may hold a token while identity-service is called (longer than its time limiter). */
    private static final int CLAIM_SECONDS = 60;

    private final NodeRegistry registry;
    private final RegistrationTokens tokens;
    private final AgentClients agentClients;
    private final RegistrationSettings settings;
    private final TransactionTemplate transactions;

    NodeEnrollment(NodeRegistry registry, RegistrationTokens tokens, AgentClients agentClients,
            RegistrationSettings settings, TransactionTemplate transactions) {
        this.registry = registry;
        this.tokens = tokens;
        this.agentClients = agentClients;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** A node just created, with the token its agent registers with (shown once). */
    public record CreatedNode(NodeRegistry.NodeWithPorts node, RegistrationToken token) {
    }

    /** What an agent receives for its token (the secret is shown once, never stored here). */
    public record RegisteredAgent(UUID nodeId, String clientId, String clientSecret, String tokenUrl, String connectUrl) {

        @Override
        public String toString() {
            return "RegisteredAgent[nodeId=" + nodeId + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** Creates a node and its first registration token in one transaction. */
    @Transactional
    public CreatedNode create(NodeInput input) {
        NodeRegistry.NodeWithPorts node = registry.create(input);
        return new CreatedNode(node, issue(node.node().id()));
    }

    /** A new token for a node (the old one stops working), e.g. to install its agent again. */
    @Transactional
    public RegistrationToken reissue(UUID nodeId) {
        if (!registry.exists(nodeId)) {
            throw ProblemException.notFound("node", nodeId);
        }
        return issue(nodeId);
    }

    private RegistrationToken issue(UUID nodeId) {
        RegistrationToken token = RegistrationToken.generate(Instant.now().plus(settings.tokenTtl()));
        tokens.upsert(nodeId, RegistrationToken.hash(token.value()), token.expiresAt());
        return token;
    }

    /**
     * Trades a registration token for the agent's client credentials. The token works once: it is claimed
     * (so a concurrent second use fails), identity-service creates the client, then the token is consumed and the
     * node marked registered. When identity-service fails the claim is given back, so the agent may retry.
     *
     * @throws ProblemException 401 for an unknown, used or expired token; 503 when identity-service is unavailable
     */
    public RegisteredAgent register(String token, String hostname) {
        if (!RegistrationToken.wellFormed(token)) {
            throw refused();
        }
        byte[] hash = RegistrationToken.hash(token);
        UUID nodeId = transactions.execute(status -> tokens.claim(hash, CLAIM_SECONDS))
                .orElseThrow(NodeEnrollment::refused);
        AgentClients.Credentials credentials;
        try {
            credentials = agentClients.create(nodeId);
        } catch (IdentityUnavailable e) {
            log.warn("registration of node {} failed: {}", nodeId, e.getMessage());
            transactions.executeWithoutResult(status -> tokens.release(nodeId, hash));
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable", "Service unavailable",
                    "the agent's credentials cannot be created right now; retry the registration later",
                    java.util.List.of(), java.util.Map.of(), java.time.Duration.ofSeconds(10));
        }
        boolean consumed = Boolean.TRUE.equals(transactions.execute(status -> {
            if (tokens.consume(nodeId, hash) == 0) {
                return false; // the node was removed, or a new token issued, while identity was called
            }
            registry.markRegistered(nodeId, hostname);
            return true;
        }));
        if (!consumed) {
            revokeQuietly(nodeId);
            throw refused();
        }
        log.info("node {} registered (host {})", nodeId, hostname);
        return new RegisteredAgent(nodeId, credentials.clientId(), credentials.clientSecret(), settings.tokenUrl(),
                settings.connectUrl());
    }

    /**
     * Removes a node: its agent's client is deleted at identity-service first (so the agent cannot come back),
     * then the node, which closes its session.
     *
     * @throws ProblemException 404 unknown node; 503 when identity-service is unavailable (nothing is removed)
     */
    public void remove(UUID nodeId) {
        if (!registry.exists(nodeId)) {
            throw ProblemException.notFound("node", nodeId);
        }
        try {
            agentClients.delete(nodeId);
        } catch (IdentityUnavailable e) {
            log.warn("removing node {} failed: {}", nodeId, e.getMessage());
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable", "Service unavailable",
                    "the agent's credentials cannot be revoked right now, so the node was not removed; retry later",
                    java.util.List.of(), java.util.Map.of(), java.time.Duration.ofSeconds(10));
        }
        registry.remove(nodeId);
        log.info("node {} removed", nodeId);
    }

    private void revokeQuietly(UUID nodeId) {
        try {
            agentClients.delete(nodeId);
        } catch (IdentityUnavailable e) {
            log.warn("could not revoke the client of node {} after a failed registration: {}", nodeId, e.getMessage());
        }
    }

    static ProblemException refused() {
        // One answer for unknown, used and expired tokens: nothing to learn for someone guessing.
        return ProblemException.unauthorized("the registration token is invalid, expired or already used");
    }
}
