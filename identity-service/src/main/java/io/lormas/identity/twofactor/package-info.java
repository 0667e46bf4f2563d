/** Two-factor authentication with TOTP (RFC 6238) and one-time recovery codes. */
@NullMarked
package io.lormas.identity.twofactor;

import org.jspecify.annotations.NullMarked;
