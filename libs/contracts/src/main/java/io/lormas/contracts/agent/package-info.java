/** The agent protocol: JSON frames on the WebSocket between a node agent and node-service (DESIGN.md section 5). */
@NullMarked
package io.lormas.contracts.agent;

import org.jspecify.annotations.NullMarked;
