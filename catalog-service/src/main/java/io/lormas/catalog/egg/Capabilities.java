package io.lormas.catalog.egg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * The Linux capabilities an egg may add back after the agent drops all: Docker's default set plus SYS_NICE and
 * IPC_LOCK (some game servers raise thread priorities or lock memory). Anything else (SYS_ADMIN, NET_ADMIN,
 * SYS_PTRACE...) would let one customer's server reach the host or other tenants, so it is refused.
 */
final class Capabilities {

    static final Set<String> ALLOWED = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
            "MKNOD", "NET_BIND_SERVICE", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT", "SYS_NICE",
            "IPC_LOCK");

    private Capabilities() {
    }

    /** Upper-cased, {@code CAP_} prefix removed, duplicates dropped; a 422 names every refused item. */
    static List<String> normalise(List<String> requested) {
        Set<String> result = new LinkedHashSet<>();
        List<FieldViolation> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String raw = requested.get(i) == null ? "" : requested.get(i).strip().toUpperCase(Locale.ROOT);
            String name = raw.startsWith("CAP_") ? raw.substring(4) : raw;
            if (ALLOWED.contains(name)) {
                result.add(name);
            } else {
                errors.add(new FieldViolation("capabilities[" + i + "]", "'" + requested.get(i)
                        + "' is not allowed; allowed: " + String.join(", ", ALLOWED.stream().sorted().toList())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("capabilities outside the allowed set would weaken the isolation of"
                    + " servers from the host and from each other", errors);
        }
        return List.copyOf(result);
    }
}
