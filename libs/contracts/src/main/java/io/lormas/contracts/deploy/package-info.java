/** What deploy-service tells other services: the life of servers, with the facts billing meters from. */
@NullMarked
package io.lormas.contracts.deploy;

import org.jspecify.annotations.NullMarked;
