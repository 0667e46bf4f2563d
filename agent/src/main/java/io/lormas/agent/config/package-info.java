/** The agent's settings, bound from configuration with environment overrides. */
@NullMarked
package io.lormas.agent.config;

import org.jspecify.annotations.NullMarked;
