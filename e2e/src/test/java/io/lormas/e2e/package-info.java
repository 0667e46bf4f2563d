/** The end-to-end journey: the platform started as README.md says, driven only through the gateway. */
@NullMarked
package io.lormas.e2e;

import org.jspecify.annotations.NullMarked;
