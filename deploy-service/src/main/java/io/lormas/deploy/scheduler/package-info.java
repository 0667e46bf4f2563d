/** Placement: a pure scheduler over a fleet snapshot, and the atomic reservation of resources and ports. */
@NullMarked
package io.lormas.deploy.scheduler;

import org.jspecify.annotations.NullMarked;
