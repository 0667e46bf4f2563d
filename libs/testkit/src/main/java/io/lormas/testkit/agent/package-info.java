/** Simulated node agents speaking the real agent protocol, light enough for thousands in one JVM. */
@NullMarked
package io.lormas.testkit.agent;

import org.jspecify.annotations.NullMarked;
