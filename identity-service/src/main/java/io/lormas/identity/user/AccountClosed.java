package io.lormas.identity.user;

import java.util.UUID;

/**
 * Published inside the transaction that suspends or deletes a user, so that features holding their sessions and
 * clients end them in the same transaction.
 *
 * @param deleted true when the account is gone, false when suspended
 */
public record AccountClosed(UUID userId, boolean deleted) {
}
