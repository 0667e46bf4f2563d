/** HTTP API of server variables. */
@NullMarked
package io.lormas.deploy.variable.web;

import org.jspecify.annotations.NullMarked;
