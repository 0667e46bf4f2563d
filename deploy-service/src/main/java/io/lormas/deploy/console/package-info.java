/** The console WebSocket: lines and stats from node-service's Redis fan-out, input as agent commands. */
@NullMarked
package io.lormas.deploy.console;

import org.jspecify.annotations.NullMarked;
