/** HTTP API of nodes. */
@NullMarked
package io.lormas.node.node.web;

import org.jspecify.annotations.NullMarked;
