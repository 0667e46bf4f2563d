package io.lormas.contracts.agent;

import java.util.List;

/**
 * First frame after every (re)connect: who the agent is and what the host offers.
 *
 * @param protocolVersion {@link AgentProtocol#VERSION} of the agent
 */
public record Hello(Integer protocolVersion, String agentVersion, List<String> capabilities, HostFacts host)
        implements AgentMessage.FromAgent {

    public Hello {
        Required.present(protocolVersion, "protocolVersion");
        Required.text(agentVersion, "agentVersion");
        capabilities = Required.list(capabilities);
        Required.present(host, "host");
    }
}
