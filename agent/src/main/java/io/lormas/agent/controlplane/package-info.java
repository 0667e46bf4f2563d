/** The link to the control plane: registration, access tokens and the WebSocket session that carries the agent protocol. */
@NullMarked
package io.lormas.agent.controlplane;

import org.jspecify.annotations.NullMarked;
