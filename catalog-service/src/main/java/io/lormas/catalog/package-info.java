/** catalog-service: nests and eggs (Pterodactyl/Pelican import and export), plans with hourly prices, runtimes. */
@NullMarked
package io.lormas.catalog;

import org.jspecify.annotations.NullMarked;
