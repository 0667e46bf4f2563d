/** Power actions (start, stop, restart, kill) as agent commands under the server's state machine. */
@NullMarked
package io.lormas.deploy.power;

import org.jspecify.annotations.NullMarked;
