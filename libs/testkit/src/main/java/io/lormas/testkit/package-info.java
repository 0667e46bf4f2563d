/** Real infrastructure for tests: PostgreSQL, Redis, a Pulsar broker, and a token issuer. No mocks of these. */
@NullMarked
package io.lormas.testkit;

import org.jspecify.annotations.NullMarked;
