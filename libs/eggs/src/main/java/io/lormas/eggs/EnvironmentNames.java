package io.lormas.eggs;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for the environment variable names of egg variables.
 *
 * <p>{@link #RESERVED} (refused) is Pterodactyl's list ({@code EggVariable::RESERVED_ENV_NAMES}:
 * SERVER_MEMORY, SERVER_IP, SERVER_PORT, ENV, HOME, USER, STARTUP, SERVER_UUID, UUID), which every
 * egg imported into a Pterodactyl panel already respects, plus the {@code P_SERVER_*} names the
 * panel sets itself. Wings always sets TZ, STARTUP, SERVER_MEMORY, SERVER_IP and SERVER_PORT and
 * drops egg variables with those names.
 *
 * <p>{@link #DISCOURAGED} (accepted with a warning) are the names Pelican reserves on top
 * (it renames them to {@code SERVER_<NAME>} on import): real eggs use HOSTNAME (Rust autowipe,
 * Risk of Rain 2, ClassiCube), so refusing them would refuse those eggs.
 */
public final class EnvironmentNames {

    /** A valid name: upper-case letters, digits and underscores, not starting with a digit. */
    public static final Pattern VALID = Pattern.compile("[A-Z_][A-Z0-9_]*");

    /**
     * The shape Pterodactyl and Pelican accept ({@code \w+}, not starting with a digit here), which a
     * few real eggs use with lower-case letters ({@code hostname}, {@code srv_name}).
     */
    public static final Pattern LEGACY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static final Set<String> RESERVED = Set.of(
            "STARTUP", "SERVER_MEMORY", "SERVER_IP", "SERVER_PORT", "SERVER_UUID", "UUID", "ENV", "HOME", "USER",
            "P_SERVER_UUID", "P_SERVER_LOCATION", "P_SERVER_ALLOCATION_LIMIT");

    /** Names Pelican also reserves; the platform or the container runtime may set them too. */
    public static final Set<String> DISCOURAGED = Set.of(
            "MODIFIED_STARTUP", "INTERNAL_IP", "HOSTNAME", "TERM", "LANG", "PWD", "TZ", "TIMEZONE");

    /** Names the platform provides to every server, so a startup command may use them as {@code {{NAME}}}. */
    public static final Set<String> PROVIDED = Set.of(
            "STARTUP", "SERVER_MEMORY", "SERVER_IP", "SERVER_PORT", "SERVER_UUID", "P_SERVER_UUID",
            "P_SERVER_LOCATION", "P_SERVER_ALLOCATION_LIMIT", "TZ");

    private EnvironmentNames() {
    }

    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    public static boolean isReserved(String name) {
        return RESERVED.contains(name);
    }

    /** Whether the name, upper-cased as Wings does for the container, hits a reserved or discouraged one. */
    public static boolean clashesInContainer(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return RESERVED.contains(upper) || DISCOURAGED.contains(upper);
    }
}
