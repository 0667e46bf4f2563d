/** The Pulsar client every service shares, and where its topics live. */
@NullMarked
package io.lormas.platform.pulsar;

import org.jspecify.annotations.NullMarked;
