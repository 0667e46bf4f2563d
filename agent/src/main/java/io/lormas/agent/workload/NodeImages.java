package io.lormas.agent.workload;

import io.lormas.agent.config.EngineSettings;
import io.lormas.agent.runtime.ContainerRuntime;
import io.lormas.agent.runtime.RuntimeFailure;
import jakarta.inject.Singleton;

/** Makes sure an image is on the node before a container is created from it. */
@Singleton
final class NodeImages {

    private final ContainerRuntime runtime;
    private final boolean pull;

    NodeImages(ContainerRuntime runtime, EngineSettings settings) {
        this.runtime = runtime;
        this.pull = settings.pullMissingImages();
    }

    /**
     * @throws CommandFailure {@code image_missing} when the image is absent and cannot (or may not) be pulled
     */
    void ensurePresent(String image) {
        if (runtime.imageExists(image)) {
            return;
        }
        if (!pull) {
            throw new CommandFailure("image_missing",
                    "image " + image + " is not present on this node (pulling is disabled)");
        }
        try {
            runtime.pullImage(image);
        } catch (RuntimeFailure e) {
            if (e.reason() == RuntimeFailure.Reason.IMAGE_MISSING) {
                throw new CommandFailure("image_missing", e.getMessage(), e);
            }
            throw e;
        }
    }
}
