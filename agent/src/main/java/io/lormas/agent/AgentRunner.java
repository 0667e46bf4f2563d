package io.lormas.agent;

import io.lormas.agent.controlplane.ControlPlaneLink;
import io.lormas.agent.controlplane.Credentials;
import io.lormas.agent.controlplane.CredentialsFile;
import io.lormas.agent.workload.NodeWorkload;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the workload and the control-plane link of {@code agent run}, and stops them in reverse order. */
@Singleton
public final class AgentRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);

    private final CredentialsFile credentials;
    private final NodeWorkload workload;
    private final ControlPlaneLink link;

    AgentRunner(CredentialsFile credentials, NodeWorkload workload, ControlPlaneLink link) {
        this.credentials = credentials;
        this.workload = workload;
        this.link = link;
    }

    /** @throws IllegalStateException when the node is not registered */
    public void start() {
        Credentials node = credentials.require();
        LOG.info("agent of node {} starting; control plane {}", node.nodeId(), node.connectUrl());
        workload.start();
        link.start();
    }

    @PreDestroy
    @Override
    public void close() {
        link.close();
        workload.close();
    }
}
