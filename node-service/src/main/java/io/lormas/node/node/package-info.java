/** The node registry: capacity, ports, flags, facts and the events the scheduler needs. */
@NullMarked
package io.lormas.node.node;

import org.jspecify.annotations.NullMarked;
