package io.lormas.agent.workload;

/** The node this agent was registered as; its containers carry the id as a label. */
public interface NodeIdentity {

    String nodeId();
}
