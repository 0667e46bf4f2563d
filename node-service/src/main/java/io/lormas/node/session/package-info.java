/** Agent WebSocket sessions: upgrade checks, the protocol, one live session per node (session epochs). */
@NullMarked
package io.lormas.node.session;

import org.jspecify.annotations.NullMarked;
