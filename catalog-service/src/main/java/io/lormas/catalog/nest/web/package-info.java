/** HTTP API of nests: {@code /api/catalog/nests}. */
@NullMarked
package io.lormas.catalog.nest.web;

import org.jspecify.annotations.NullMarked;
