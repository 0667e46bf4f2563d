/** The identity service: who people, integrators and node agents are, and what they may do. */
@NullMarked
package io.lormas.identity;

import org.jspecify.annotations.NullMarked;
