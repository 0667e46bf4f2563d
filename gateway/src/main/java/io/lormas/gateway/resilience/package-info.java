/** How upstream failures (refused, slow, open breaker, overload) become problem responses. */
@NullMarked
package io.lormas.gateway.resilience;

import org.jspecify.annotations.NullMarked;
