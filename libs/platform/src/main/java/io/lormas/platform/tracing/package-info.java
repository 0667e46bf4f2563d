/** Carries W3C trace context across Pulsar messages. */
@NullMarked
package io.lormas.platform.tracing;

import org.jspecify.annotations.NullMarked;
