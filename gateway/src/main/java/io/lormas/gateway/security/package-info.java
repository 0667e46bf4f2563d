/** Edge authentication: JWT validation, access rules, and removal of headers a client could use to spoof identity. */
@NullMarked
package io.lormas.gateway.security;

import org.jspecify.annotations.NullMarked;
