/** The container engine port the workload drives, with its value types. */
@NullMarked
package io.lormas.agent.runtime;

import org.jspecify.annotations.NullMarked;
