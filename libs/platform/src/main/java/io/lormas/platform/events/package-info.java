/** Idempotent event consumers: handler registration, inbox deduplication, retries, dead letters and replay. */
@NullMarked
package io.lormas.platform.events;

import org.jspecify.annotations.NullMarked;
