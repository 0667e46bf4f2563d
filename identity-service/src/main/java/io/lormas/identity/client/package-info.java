/** OAuth clients: integrations of users, node agents, platform services and the console SPA. */
@NullMarked
package io.lormas.identity.client;

import org.jspecify.annotations.NullMarked;
