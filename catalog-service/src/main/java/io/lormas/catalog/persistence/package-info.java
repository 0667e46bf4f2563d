/** MyBatis type handlers for PostgreSQL types the service stores (uuid, text[]). */
@NullMarked
package io.lormas.catalog.persistence;

import org.jspecify.annotations.NullMarked;
