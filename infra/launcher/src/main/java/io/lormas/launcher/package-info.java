/** The embedded platform: one command starts PostgreSQL, Redis, Pulsar, every service and the gateway. */
@NullMarked
package io.lormas.launcher;

import org.jspecify.annotations.NullMarked;
