package io.lormas.identity.client.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.contracts.identity.Permissions;
import io.lormas.identity.client.ClientRegistry;
import io.lormas.platform.security.Principals;

/**
 * The OAuth clients of node agents, managed by node-service with {@code identity.clients.write}. Creating again
 * for the same node re-keys it; deleting a missing one is not an error.
 */
@RestController
@RequestMapping("/api/identity/agent-clients")
class AgentClientController {

    private final ClientRegistry registry;

    AgentClientController(ClientRegistry registry) {
        this.registry = registry;
    }

    record CreateAgentClient(@NotNull UUID nodeId) {
    }

    record AgentClient(String clientId, String clientSecret, UUID nodeId) {

        @Override
        public String toString() {
            return "AgentClient[clientId=" + clientId + ", clientSecret=****, nodeId=" + nodeId + "]";
        }
    }

    /** Answers {@code Cache-Control: no-store}: the secret is shown once. */
    @PostMapping
    ResponseEntity<AgentClient> create(@Valid @RequestBody CreateAgentClient request) {
        Principals.requirePermission(Permissions.IDENTITY_CLIENTS_WRITE);
        var issued = registry.createAgent(request.nodeId());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new AgentClient(issued.client().client().clientId(), issued.secret(), request.nodeId()));
    }

    @DeleteMapping("/{nodeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID nodeId) {
        Principals.requirePermission(Permissions.IDENTITY_CLIENTS_WRITE);
        registry.deleteAgent(nodeId);
    }
}
