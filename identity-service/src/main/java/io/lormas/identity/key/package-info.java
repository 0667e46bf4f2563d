/** Token signing keys: persisted encrypted, shared by replicas, rotated without breaking issued tokens. */
@NullMarked
package io.lormas.identity.key;

import org.jspecify.annotations.NullMarked;
