/** Subuser grants projected from identity events, answering ResourceAccess for servers. */
@NullMarked
package io.lormas.deploy.grant;

import org.jspecify.annotations.NullMarked;
