package io.lormas.agent;

import java.util.Map;

import io.lormas.agent.controlplane.ControlPlaneUnavailable;
import io.lormas.agent.controlplane.Credentials;
import io.lormas.agent.controlplane.HostProbe;
import io.lormas.agent.controlplane.NodeRegistration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

/** The agent's entry point: {@code agent run}, {@code agent register}. */
public final class Agent {

    private Agent() {
    }

    public static void main(String[] args) {
        AgentCommandLine line;
        try {
            line = AgentCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("agent: " + e.getMessage());
            System.err.println(AgentCommandLine.USAGE);
            System.exit(64);
            return;
        }
        switch (line) {
            case AgentCommandLine.Help help -> System.out.println(AgentCommandLine.USAGE);
            case AgentCommandLine.Version version -> System.out.println(version());
            case AgentCommandLine.Register register -> System.exit(register(register));
            case AgentCommandLine.Run run -> {
                try {
                    // Micronaut registers the shutdown hook that closes the context on SIGTERM; a second hook
                    // closing it too deadlocks the two (each holds the lock the other needs).
                    start(Map.of());
                } catch (RuntimeException e) {
                    // Misconfiguration (no credentials, bad settings): say what, without a stack trace.
                    Throwable cause = e;
                    while (cause.getCause() != null && !(cause instanceof IllegalStateException)
                            && !(cause instanceof IllegalArgumentException)) {
                        cause = cause.getCause();
                    }
                    System.err.println("agent: cannot start: " + cause.getMessage());
                    System.exit(78);
                }
            }
        }
    }

    /** Starts the agent (health endpoint, workload, control-plane link) with extra configuration. */
    public static ApplicationContext start(Map<String, Object> properties) {
        ApplicationContext context = Micronaut.build(new String[0])
                .mainClass(Agent.class)
                .banner(false)
                .properties(properties)
                .start();
        try {
            context.getBean(AgentRunner.class).start();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return context;
    }

    private static int register(AgentCommandLine.Register register) {
        try (ApplicationContext context = ApplicationContext.builder().banner(false).start()) {
            String hostname = register.hostname() != null ? register.hostname() : context.getBean(HostProbe.class).hostname();
            Credentials credentials = context.getBean(NodeRegistration.class)
                    .register(register.gateway(), register.token(), hostname, register.force());
            System.out.println("registered as node " + credentials.nodeId() + "; credentials written to "
                    + context.getBean(io.lormas.agent.controlplane.CredentialsFile.class).path() + " (mode 600)");
            return 0;
        } catch (ControlPlaneUnavailable | IllegalStateException | IllegalArgumentException e) {
            System.err.println("agent: registration failed: " + e.getMessage());
            return 1;
        }
    }

    private static String version() {
        Package pkg = Agent.class.getPackage();
        return "lormas agent " + (pkg.getImplementationVersion() != null ? pkg.getImplementationVersion() : "0.1.0-SNAPSHOT");
    }
}
