package io.lormas.deploy.server.web;

/** What a server name may be: 1 to 64 letters, digits, spaces, dots, dashes and underscores, no edge spaces. */
final class ServerNames {

    static final String PATTERN = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N} ._-]{0,62}[\\p{L}\\p{N}._-])?";
    static final String RULE = "must be 1 to 64 letters, digits, spaces, '.', '_' or '-', starting with a letter or "
            + "digit and not ending with a space";

    private ServerNames() {
    }
}
