package io.lormas.identity.user;

/**
 * A per-user exception to the permissions of their roles.
 *
 * @param effect {@code grant} or {@code deny}
 */
public record PermissionOverride(String permission, String effect) {

    public static final String GRANT = "grant";
    public static final String DENY = "deny";
}
