/** Signed-in sessions (authorizations with refresh tokens): listed and ended by their users. */
@NullMarked
package io.lormas.identity.session;

import org.jspecify.annotations.NullMarked;
