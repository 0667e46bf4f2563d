/** What every list and answer of the catalog API shares: pages and cursors. */
@NullMarked
package io.lormas.catalog.web;

import org.jspecify.annotations.NullMarked;
