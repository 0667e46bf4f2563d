/** JMH benchmarks of egg import and variable validation over the shared corpus (not run by the test suite). */
@NullMarked
package io.lormas.eggs.bench;

import org.jspecify.annotations.NullMarked;
