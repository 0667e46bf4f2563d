/** HTTP API of the activity log, per server and for admins. */
@NullMarked
package io.lormas.deploy.activity.web;

import org.jspecify.annotations.NullMarked;
