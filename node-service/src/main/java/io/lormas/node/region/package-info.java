/** Regions (locations) that nodes belong to. */
@NullMarked
package io.lormas.node.region;

import org.jspecify.annotations.NullMarked;
