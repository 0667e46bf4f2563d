/** Benchmarks of identity-service: run as documented main classes, they print figures and assert nothing. */
@NullMarked
package io.lormas.identity.bench;

import org.jspecify.annotations.NullMarked;
