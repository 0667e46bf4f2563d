package io.lormas.eggs;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How a server is asked to stop: a console command ({@code stop}, {@code quit}) or a signal written
 * in the egg's caret notation ({@code ^C}). The notation is kept verbatim for export.
 */
public sealed interface StopAction {

    /** The egg's {@code config.stop} text. */
    String notation();

    /** Reads {@code config.stop}: a caret prefix means a signal, anything else a command. */
    static StopAction parse(String notation) {
        return notation.startsWith("^") ? new Signal(notation) : new Command(notation);
    }

    record Command(String command) implements StopAction {
        public Command { Objects.requireNonNull(command); }
        public String notation() { return command; }
    }

    /**
     * A signal. {@code ^C} (any case, also {@code ^C^C}) is SIGINT, {@code ^^C} SIGKILL (Wings' reading),
     * {@code ^SIGTERM}/{@code ^TERM} name a signal; anything else ({@code ^X}, {@code ^V}) has no
     * meaning and stops with SIGKILL, as Wings falls back to.
     */
    record Signal(String notation) implements StopAction {
        public Signal {
            Objects.requireNonNull(notation);
            if (!notation.startsWith("^")) {
                throw new IllegalArgumentException("a stop signal starts with ^: " + notation);
            }
        }

        /** The POSIX signal name, e.g. {@code SIGINT}. */
        public String signalName() {
            String rest = notation.substring(1).toUpperCase(Locale.ROOT);
            if (rest.equals("C") || rest.equals("C^C")) {
                return "SIGINT";
            }
            if (rest.equals("^C")) {
                return "SIGKILL";
            }
            String name = rest.startsWith("SIG") ? rest : "SIG" + rest;
            return KNOWN.contains(name) ? name : "SIGKILL";
        }

        /** Whether the notation names a signal rather than falling back to SIGKILL. */
        public boolean isKnown() {
            String rest = notation.substring(1).toUpperCase(Locale.ROOT);
            return rest.equals("C") || rest.equals("C^C") || rest.equals("^C")
                    || KNOWN.contains(rest.startsWith("SIG") ? rest : "SIG" + rest);
        }

        private static final Set<String> KNOWN = Set.of(
                "SIGINT", "SIGTERM", "SIGKILL", "SIGQUIT", "SIGHUP", "SIGABRT", "SIGUSR1", "SIGUSR2");
    }
}
