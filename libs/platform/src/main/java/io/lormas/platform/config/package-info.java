/** Defaults every service starts with, before its own application properties. */
@NullMarked
package io.lormas.platform.config;

import org.jspecify.annotations.NullMarked;
