/** The egg model (a Pterodactyl/Pelican server template) and the validation of a server's variables against it. */
@NullMarked
package io.lormas.eggs;

import org.jspecify.annotations.NullMarked;
