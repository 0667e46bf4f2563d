/** What node-service tells other services: nodes, their presence, and what their agents reported. */
@NullMarked
package io.lormas.contracts.node;

import org.jspecify.annotations.NullMarked;
