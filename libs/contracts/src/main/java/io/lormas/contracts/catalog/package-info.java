/** What catalog-service tells other services: eggs and plans, with all deploy-service needs to run a server. */
@NullMarked
package io.lormas.contracts.catalog;

import org.jspecify.annotations.NullMarked;
