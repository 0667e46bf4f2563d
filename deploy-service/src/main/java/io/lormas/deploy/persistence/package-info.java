/** MyBatis glue shared by the mappers of this service. */
@NullMarked
package io.lormas.deploy.persistence;

import org.jspecify.annotations.NullMarked;
