/** Spring Authorization Server, completed for Lormas: token claims, refresh rotation for the SPA, reuse detection. */
@NullMarked
package io.lormas.identity.oauth;

import org.jspecify.annotations.NullMarked;
