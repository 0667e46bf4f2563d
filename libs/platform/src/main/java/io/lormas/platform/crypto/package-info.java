/** Encryption of secrets at rest: AES-256-GCM with key ids, so keys can rotate. */
@NullMarked
package io.lormas.platform.crypto;

import org.jspecify.annotations.NullMarked;
