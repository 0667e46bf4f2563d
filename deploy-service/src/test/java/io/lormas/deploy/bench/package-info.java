/** Benchmarks: they print figures and assert nothing; never run by the test suites (see README.md). */
@NullMarked
package io.lormas.deploy.bench;

import org.jspecify.annotations.NullMarked;
