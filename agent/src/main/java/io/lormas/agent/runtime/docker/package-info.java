/** The Docker Engine API implementation of the runtime port (docker-java), for Docker and podman alike. */
@NullMarked
package io.lormas.agent.runtime.docker;

import org.jspecify.annotations.NullMarked;
