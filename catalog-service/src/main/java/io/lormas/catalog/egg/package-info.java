/**
 * Eggs: import of every Pterodactyl/Pelican format (libs/eggs), versions, export, variable validation, and the
 * {@code catalog.egg.*} events deploy-service runs servers from.
 */
@NullMarked
package io.lormas.catalog.egg;

import org.jspecify.annotations.NullMarked;
