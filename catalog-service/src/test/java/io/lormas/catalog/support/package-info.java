/** What the catalog-service tests share: the service on real infrastructure, an HTTP client, tokens, the corpus. */
@NullMarked
package io.lormas.catalog.support;

import org.jspecify.annotations.NullMarked;
