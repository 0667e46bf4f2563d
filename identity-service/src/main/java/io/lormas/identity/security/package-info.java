/** Filter chains, password hashing and token validation of identity-service. */
@NullMarked
package io.lormas.identity.security;

import org.jspecify.annotations.NullMarked;
