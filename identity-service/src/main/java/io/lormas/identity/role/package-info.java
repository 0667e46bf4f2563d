/** Roles and the permission catalogue: system roles from code, custom roles from administrators. */
@NullMarked
package io.lormas.identity.role;

import org.jspecify.annotations.NullMarked;
