/** What every start makes sure of: keys, system roles, platform clients, the first-run superuser. */
@NullMarked
package io.lormas.identity.bootstrap;

import org.jspecify.annotations.NullMarked;
