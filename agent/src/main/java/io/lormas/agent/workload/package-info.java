/** What the agent does with servers: commands executed idempotently, power locks, install, console, stats, disk and events. */
@NullMarked
package io.lormas.agent.workload;

import org.jspecify.annotations.NullMarked;
