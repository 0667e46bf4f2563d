/** Nodes projected from node-service events: facts, capacity, presence and what is reserved on them. */
@NullMarked
package io.lormas.deploy.node;

import org.jspecify.annotations.NullMarked;
