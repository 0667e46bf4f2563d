package io.lormas.contracts.agent;

/**
 * The control plane's answer to {@link Hello}.
 *
 * @param sessionEpoch increases with every new session of the node; frames of an older session are refused
 */
public record Welcome(String nodeId, Long sessionEpoch, Integer heartbeatIntervalSeconds, Integer protocolVersion)
        implements AgentMessage.ToAgent {

    public Welcome {
        Required.text(nodeId, "nodeId");
        Required.present(sessionEpoch, "sessionEpoch");
        Required.present(heartbeatIntervalSeconds, "heartbeatIntervalSeconds");
        Required.present(protocolVersion, "protocolVersion");
    }
}
