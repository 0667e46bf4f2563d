/** HTTP API of user administration. */
@NullMarked
package io.lormas.identity.user.web;

import org.jspecify.annotations.NullMarked;
