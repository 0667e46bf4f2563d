/** HTTP API of power actions. */
@NullMarked
package io.lormas.deploy.power.web;

import org.jspecify.annotations.NullMarked;
