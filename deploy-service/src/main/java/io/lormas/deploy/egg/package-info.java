/** Every published egg version, projected from catalog events; servers keep the version they were created with. */
@NullMarked
package io.lormas.deploy.egg;

import org.jspecify.annotations.NullMarked;
