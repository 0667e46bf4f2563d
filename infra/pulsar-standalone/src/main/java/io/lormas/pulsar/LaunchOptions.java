package io.lormas.pulsar;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The launcher's command line, validated.
 *
 * @param dataDir absolute data directory; metadata and bookkeeper data live under it
 * @param brokerPort Pulsar binary protocol port
 * @param webPort admin REST / HTTP port
 * @param bookkeeperPort bookie port
 * @param wipe delete existing data before starting
 * @param idleExitMinutes when present, exit once {@code <dataDir>/lease} is untouched this long
 */
record LaunchOptions(Path dataDir, int brokerPort, int webPort, int bookkeeperPort, boolean wipe,
                     OptionalInt idleExitMinutes) {

    static final int DEFAULT_BROKER_PORT = 6650;
    static final int DEFAULT_WEB_PORT = 8081;
    static final int DEFAULT_BOOKKEEPER_PORT = 3181;

    static final String USAGE = """
            Usage: java @jvm.options -jar pulsar-standalone.jar --data-dir DIR [options]

              --data-dir DIR           required; metadata/ and bookkeeper/ are kept under DIR
              --broker-port N          Pulsar protocol port on 127.0.0.1 (default 6650)
              --web-port N             admin REST port on 127.0.0.1 (default 8081)
              --bookkeeper-port N      bookie port on 127.0.0.1 (default 3181)
              --wipe                   delete existing data first (default: keep it across restarts)
              --idle-exit-minutes N    exit cleanly once DIR/lease has not been modified for N minutes
              --help                   print this message
            """;

    LaunchOptions {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    Path metadataDir() {
        return dataDir.resolve("metadata");
    }

    Path bookkeeperDir() {
        return dataDir.resolve("bookkeeper");
    }

    Path configFile() {
        return dataDir.resolve("standalone.conf");
    }

    Path leaseFile() {
        return dataDir.resolve("lease");
    }

    Path brokerRecordFile() {
        return dataDir.resolve("broker.json");
    }

    String brokerUrl() {
        return "pulsar://127.0.0.1:" + brokerPort;
    }

    String webUrl() {
        return "http://127.0.0.1:" + webPort;
    }

    /** True when {@code --help} or {@code -h} is among the arguments. */
    static boolean wantsHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses long options ({@code --name value} or {@code --name=value}).
     *
     * @throws IllegalArgumentException with a message naming the offending option
     */
    static LaunchOptions parse(String... args) {
        String dataDir = null;
        int brokerPort = DEFAULT_BROKER_PORT;
        int webPort = DEFAULT_WEB_PORT;
        int bookkeeperPort = DEFAULT_BOOKKEEPER_PORT;
        boolean wipe = false;
        OptionalInt idleExitMinutes = OptionalInt.empty();
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("option " + name + " is given more than once");
            }
            switch (name) {
                case "--wipe" -> {
                    if (inlineValue != null) {
                        throw new IllegalArgumentException("option --wipe takes no value");
                    }
                    wipe = true;
                }
                case "--data-dir", "--broker-port", "--web-port", "--bookkeeper-port", "--idle-exit-minutes" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new IllegalArgumentException("option " + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--data-dir" -> {
                            if (value.isBlank()) {
                                throw new IllegalArgumentException("option --data-dir needs a directory");
                            }
                            dataDir = value;
                        }
                        case "--broker-port" -> brokerPort = port(name, value);
                        case "--web-port" -> webPort = port(name, value);
                        case "--bookkeeper-port" -> bookkeeperPort = port(name, value);
                        default -> idleExitMinutes = OptionalInt.of(positive(name, value));
                    }
                }
                default -> throw new IllegalArgumentException(arg.startsWith("-")
                        ? "unknown option " + name
                        : "unexpected argument '" + arg + "'");
            }
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("option --data-dir is required");
        }
        if (brokerPort == webPort || brokerPort == bookkeeperPort || webPort == bookkeeperPort) {
            throw new IllegalArgumentException("--broker-port, --web-port and --bookkeeper-port must differ (got "
                    + brokerPort + ", " + webPort + ", " + bookkeeperPort + ")");
        }
        return new LaunchOptions(Path.of(dataDir), brokerPort, webPort, bookkeeperPort, wipe, idleExitMinutes);
    }

    private static int port(String option, String value) {
        int port = integer(option, value);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("option " + option + " must be a port between 1 and 65535, got " + value);
        }
        return port;
    }

    private static int positive(String option, String value) {
        int n = integer(option, value);
        if (n < 1) {
            throw new IllegalArgumentException("option " + option + " must be a positive number, got " + value);
        }
        return n;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + " must be a number, got '" + value + "'");
        }
    }
}
