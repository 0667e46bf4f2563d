package io.lormas.agent.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the agent reaches the container engine.
 *
 * @param dockerHost the Docker Engine API endpoint, {@code unix:///...} or {@code tcp://...}
 * @param pullMissingImages pull an image that is not on the node before creating a container
 * @param maxConnections engine connections; each running server holds up to two long-lived ones
 * @param connectTimeout connecting to the engine
 * @param tmpfsSizeMib size of the {@code /tmp} tmpfs every server gets
 * @param logMaxSize the engine's log rotation size per container ({@code json-file} driver); empty keeps
 *        the engine's default
 */
@ConfigurationProperties("lormas.agent.engine")
public record EngineSettings(
        @Bindable(defaultValue = "unix:///var/run/docker.sock") String dockerHost,
        @Bindable(defaultValue = "true") boolean pullMissingImages,
        @Bindable(defaultValue = "1024") int maxConnections,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "100") int tmpfsSizeMib,
        @Bindable(defaultValue = "") String logMaxSize) {
}
