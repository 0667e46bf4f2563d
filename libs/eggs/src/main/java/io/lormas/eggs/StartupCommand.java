package io.lormas.eggs;

import java.util.Objects;

/**
 * One named startup command. Pterodactyl eggs have exactly one (named {@value #DEFAULT_NAME} here);
 * PLCN_v3 eggs may offer several.
 */
public record StartupCommand(String name, String command) {

    /** The name Pelican gives the single startup command of older formats. */
    public static final String DEFAULT_NAME = "Default";

    public StartupCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
    }
}
