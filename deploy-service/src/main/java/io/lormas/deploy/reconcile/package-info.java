/** Desired against actual: agent inventories, crash restarts with backoff, command timeouts, periodic reconcile requests. */
@NullMarked
package io.lormas.deploy.reconcile;

import org.jspecify.annotations.NullMarked;
