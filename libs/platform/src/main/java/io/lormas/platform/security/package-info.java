/** Who is calling and what they may do: JWT resource-server defaults, the Lormas principal, permission checks. */
@NullMarked
package io.lormas.platform.security;

import org.jspecify.annotations.NullMarked;
