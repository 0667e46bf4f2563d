/** HTTP API of signing-key administration. */
@NullMarked
package io.lormas.identity.key.web;

import org.jspecify.annotations.NullMarked;
