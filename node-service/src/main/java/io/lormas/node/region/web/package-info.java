/** HTTP API of regions. */
@NullMarked
package io.lormas.node.region.web;

import org.jspecify.annotations.NullMarked;
