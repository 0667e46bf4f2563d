/** What identity-service tells other services: users, roles, per-resource grants, and the permission names. */
@NullMarked
package io.lormas.contracts.identity;

import org.jspecify.annotations.NullMarked;
