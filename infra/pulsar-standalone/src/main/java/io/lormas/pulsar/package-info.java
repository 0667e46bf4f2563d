/** Runs a real Pulsar standalone broker on 127.0.0.1 as its own process for tests and the dev stack. */
@NullMarked
package io.lormas.pulsar;

import org.jspecify.annotations.NullMarked;
