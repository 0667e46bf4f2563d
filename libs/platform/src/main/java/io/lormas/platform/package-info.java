/** Cross-cutting building blocks every Lormas Spring service gets by adding this library. */
@NullMarked
package io.lormas.platform;

import org.jspecify.annotations.NullMarked;
