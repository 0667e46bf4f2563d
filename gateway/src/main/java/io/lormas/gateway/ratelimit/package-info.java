/** Token-bucket rate limits in Redis per principal, or per client address for anonymous traffic. */
@NullMarked
package io.lormas.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
