/** Console and stats fan-out from agents to deploy-service's console sockets through Redis. */
@NullMarked
package io.lormas.node.console;

import org.jspecify.annotations.NullMarked;
