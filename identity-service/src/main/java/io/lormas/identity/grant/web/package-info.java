/** HTTP API of per-resource grants. */
@NullMarked
package io.lormas.identity.grant.web;

import org.jspecify.annotations.NullMarked;
