/** HTTP API of servers: create, list, read, delete, suspend, reinstall. */
@NullMarked
package io.lormas.deploy.server.web;

import org.jspecify.annotations.NullMarked;
