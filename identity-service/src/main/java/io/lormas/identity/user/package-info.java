/** User accounts: creation, roles, overrides, suspension; the permissions a user holds. */
@NullMarked
package io.lormas.identity.user;

import org.jspecify.annotations.NullMarked;
