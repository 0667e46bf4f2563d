/** The activity log: who did what to which server, when, from where. */
@NullMarked
package io.lormas.deploy.activity;

import org.jspecify.annotations.NullMarked;
