/** HTTP API of the signed-in user's own account. */
@NullMarked
package io.lormas.identity.me.web;

import org.jspecify.annotations.NullMarked;
