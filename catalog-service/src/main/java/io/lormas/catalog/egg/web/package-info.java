/** HTTP API of eggs: {@code /api/catalog/eggs} (import, export, versions, variable validation). */
@NullMarked
package io.lormas.catalog.egg.web;

import org.jspecify.annotations.NullMarked;
