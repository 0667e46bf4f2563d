/** A tiny service used to test the platform's auto-configuration end to end. */
@NullMarked
package io.lormas.platform.testapp;

import org.jspecify.annotations.NullMarked;
