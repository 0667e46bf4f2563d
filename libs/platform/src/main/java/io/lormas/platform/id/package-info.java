/** Time-ordered identifiers (UUIDv7). */
@NullMarked
package io.lormas.platform.id;

import org.jspecify.annotations.NullMarked;
