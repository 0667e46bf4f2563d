/** deploy-service: the desired state of every server and the path to get there. */
@NullMarked
package io.lormas.deploy;

import org.jspecify.annotations.NullMarked;
