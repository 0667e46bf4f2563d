/** HTTP API of plans: {@code /api/catalog/plans} (public reads of visible plans). */
@NullMarked
package io.lormas.catalog.plan.web;

import org.jspecify.annotations.NullMarked;
