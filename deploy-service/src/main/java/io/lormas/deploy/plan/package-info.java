/** Plans projected from catalog events: the resources a new server gets. */
@NullMarked
package io.lormas.deploy.plan;

import org.jspecify.annotations.NullMarked;
