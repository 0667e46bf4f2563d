package io.lormas.node.registration.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.node.registration.NodeEnrollment;

/**
 * {@code POST /api/nodes/register}: anonymous (a public path); the registration token is the credential.
 */
@RestController
class RegistrationController {

    private final NodeEnrollment enrollment;

    RegistrationController(NodeEnrollment enrollment) {
        this.enrollment = enrollment;
    }

    record RegisterAgent(
            @NotBlank @Size(max = 200) String token,
            @NotBlank @Size(max = 253) @Pattern(regexp = "[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?",
                    message = "must be a host name") String hostname) {

        @Override
        public String toString() {
            return "RegisterAgent[token=***, hostname=" + hostname + "]";
        }
    }

    record AgentCredentials(UUID nodeId, String clientId, String clientSecret, String tokenUrl, String connectUrl) {

        @Override
        public String toString() {
            return "AgentCredentials[nodeId=" + nodeId + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }

    @PostMapping("/api/nodes/register")
    ResponseEntity<AgentCredentials> register(@Valid @RequestBody RegisterAgent request) {
        NodeEnrollment.RegisteredAgent agent = enrollment.register(request.token(), request.hostname());
        return ResponseEntity.created(URI.create("/api/nodes/" + agent.nodeId()))
                .cacheControl(CacheControl.noStore())
                .body(new AgentCredentials(agent.nodeId(), agent.clientId(), agent.clientSecret(), agent.tokenUrl(),
                        agent.connectUrl()));
    }
}
