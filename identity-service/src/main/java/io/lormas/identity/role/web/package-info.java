/** HTTP API of roles and the permission catalogue. */
@NullMarked
package io.lormas.identity.role.web;

import org.jspecify.annotations.NullMarked;
