/** Per-resource grants (subusers), published as identity.grant events for resource services to enforce. */
@NullMarked
package io.lormas.identity.grant;

import org.jspecify.annotations.NullMarked;
