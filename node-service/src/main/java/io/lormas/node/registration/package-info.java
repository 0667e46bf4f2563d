/** One-time registration tokens traded for an agent's OAuth client at identity-service. */
@NullMarked
package io.lormas.node.registration;

import org.jspecify.annotations.NullMarked;
