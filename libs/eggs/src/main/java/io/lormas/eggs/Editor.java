package io.lormas.eggs;

/** Who changes a server's variables: admins may set any variable, users only user-editable ones. */
public enum Editor {
    ADMIN,
    USER
}
