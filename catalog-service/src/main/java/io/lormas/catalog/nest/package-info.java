/** Nests: the categories eggs are filed in. */
@NullMarked
package io.lormas.catalog.nest;

import org.jspecify.annotations.NullMarked;
