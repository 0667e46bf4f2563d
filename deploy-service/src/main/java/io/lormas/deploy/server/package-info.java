/** The server aggregate, its lifecycle and the agent commands that move it. */
@NullMarked
package io.lormas.deploy.server;

import org.jspecify.annotations.NullMarked;
