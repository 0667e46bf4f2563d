/** The node agent: command line, startup and its health endpoint. */
@NullMarked
package io.lormas.agent;

import org.jspecify.annotations.NullMarked;
