/** MyBatis type handlers shared by the mappers of this service. */
@NullMarked
package io.lormas.identity.persistence;

import org.jspecify.annotations.NullMarked;
