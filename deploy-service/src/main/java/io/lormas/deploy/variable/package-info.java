/** Server variables: validated by the egg's rules, secret ones encrypted at rest and masked in every answer. */
@NullMarked
package io.lormas.deploy.variable;

import org.jspecify.annotations.NullMarked;
