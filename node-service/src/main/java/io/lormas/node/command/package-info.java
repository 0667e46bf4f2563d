/** Delivery of commands from a node's Pulsar topic to its agent, and their results back as events. */
@NullMarked
package io.lormas.node.command;

import org.jspecify.annotations.NullMarked;
