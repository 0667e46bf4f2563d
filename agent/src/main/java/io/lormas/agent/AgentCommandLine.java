package io.lormas.agent;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the agent was asked to do on its command line. */
sealed interface AgentCommandLine {

    String USAGE = """
            usage: agent run
                   agent register --url <gateway url> --token <registration token> [--hostname <name>] [--force]
                   agent version
            Configuration comes from application.yml and environment variables (see the agent README).""";

    /** Connect to the control plane and serve it until stopped. */
    record Run() implements AgentCommandLine {
    }

    /** Trade a registration token for the node's credentials. */
    record Register(URI gateway, String token, @Nullable String hostname, boolean force) implements AgentCommandLine {
    }

    record Version() implements AgentCommandLine {
    }

    record Help() implements AgentCommandLine {
    }

    /** @throws IllegalArgumentException with what is wrong, for the usage message */
    static AgentCommandLine parse(String... args) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            return new Help();
        }
        return switch (args[0]) {
            case "run" -> {
                if (args.length > 1) {
                    throw new IllegalArgumentException("run takes no arguments, got " + args[1]);
                }
                yield new Run();
            }
            case "version", "--version" -> new Version();
            case "register" -> register(args);
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
        };
    }

    private static Register register(String[] args) {
        String url = null;
        String token = null;
        String hostname = null;
        boolean force = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--url" -> url = value(args, ++i, arg);
                case "--token" -> token = value(args, ++i, arg);
                case "--hostname" -> hostname = value(args, ++i, arg);
                case "--force" -> force = true;
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (url == null || token == null) {
            throw new IllegalArgumentException("register needs --url and --token");
        }
        URI gateway;
        try {
            gateway = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url is not a URL: " + url);
        }
        if (!"https".equals(gateway.getScheme()) && !"http".equals(gateway.getScheme())) {
            throw new IllegalArgumentException("--url must be an http(s) URL, was " + url);
        }
        return new Register(gateway, token, hostname, force);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
