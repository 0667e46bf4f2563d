/** HTTP API of runtimes: {@code /api/catalog/runtimes} (public reads). */
@NullMarked
package io.lormas.catalog.runtime.web;

import org.jspecify.annotations.NullMarked;
