package io.lormas.contracts.agent;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An image to build on the node from a build context the agent can fetch.
 *
 * @param contextUrl where the agent downloads the build context (a tar archive)
 * @param dockerfile path of the Dockerfile inside the context; null means {@code Dockerfile}
 * @param imageTag the tag to give the built image
 */
public record BuildSpec(String contextUrl, @Nullable String dockerfile, String imageTag, Map<String, String> buildArgs) {

    public BuildSpec {
        Required.text(contextUrl, "build.contextUrl");
        Required.text(imageTag, "build.imageTag");
        buildArgs = Required.map(buildArgs);
    }
}
