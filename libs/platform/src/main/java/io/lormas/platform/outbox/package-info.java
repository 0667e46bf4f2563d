/** Transactional outbox: messages written with the state change that causes them, published by a relay. */
@NullMarked
package io.lormas.platform.outbox;

import org.jspecify.annotations.NullMarked;
