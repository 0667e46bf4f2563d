/** HTTP API of OAuth clients: integrations and node agents. */
@NullMarked
package io.lormas.identity.client.web;

import org.jspecify.annotations.NullMarked;
