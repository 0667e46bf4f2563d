package io.lormas.agent.runtime;

/**
 * What the engine says about itself.
 *
 * @param name {@code docker} or {@code podman}
 */
public record EngineFacts(String name, String version, String apiVersion) {
}
