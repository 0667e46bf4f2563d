/** Wire types shared between services: the event envelope, event names and topic names. */
@NullMarked
package io.lormas.contracts;

import org.jspecify.annotations.NullMarked;
