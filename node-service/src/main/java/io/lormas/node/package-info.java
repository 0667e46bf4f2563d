/** node-service: the control plane's side of every node. */
@NullMarked
package io.lormas.node;

import org.jspecify.annotations.NullMarked;
