/** The sign-in page: password, two-factor code, throttling of failed attempts. */
@NullMarked
package io.lormas.identity.login;

import org.jspecify.annotations.NullMarked;
