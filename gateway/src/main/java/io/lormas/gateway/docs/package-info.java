/** The /api/docs index of every service's OpenAPI document, and the routes that proxy them. */
@NullMarked
package io.lormas.gateway.docs;

import org.jspecify.annotations.NullMarked;
