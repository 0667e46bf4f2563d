/** Load benchmarks of catalog-service (run by hand, never by the test suite; they print figures). */
@NullMarked
package io.lormas.catalog.bench;

import org.jspecify.annotations.NullMarked;
