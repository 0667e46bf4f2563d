package io.lormas.eggs;

import java.util.Objects;

/** One Docker image an egg can run on, with the label users pick it by ("Java 21"). */
public record DockerImage(String label, String image) {

    public DockerImage {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(image, "image");
    }
}
