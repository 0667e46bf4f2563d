/** Benchmarks that print figures (run by hand, never part of the test suite). */
@NullMarked
package io.lormas.platform.bench;

import org.jspecify.annotations.NullMarked;
