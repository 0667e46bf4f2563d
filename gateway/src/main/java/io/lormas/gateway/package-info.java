/** The Lormas gateway: routing, edge authentication, rate limits, breakers, WebSocket proxying and the SPA. */
@NullMarked
package io.lormas.gateway;

import org.jspecify.annotations.NullMarked;
