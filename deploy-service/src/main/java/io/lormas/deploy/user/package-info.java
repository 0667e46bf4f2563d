/** Account status projected from identity events (server.OwnerAccounts suspends and resumes the servers). */
@NullMarked
package io.lormas.deploy.user;

import org.jspecify.annotations.NullMarked;
