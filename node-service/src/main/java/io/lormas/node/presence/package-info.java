/** Heartbeats, presence in Redis and online/offline transitions, also when the replica holding a session died. */
@NullMarked
package io.lormas.node.presence;

import org.jspecify.annotations.NullMarked;
