/** Route-level behaviour that YAML cannot express: WebSocket session limits. */
@NullMarked
package io.lormas.gateway.routing;

import org.jspecify.annotations.NullMarked;
