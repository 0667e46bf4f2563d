package io.lormas.eggs.rules;

import java.util.Objects;

/**
 * A value failing one rule: {@code rule} is the rule's name ({@code "between"}), {@code reason} the
 * plain-words predicate ({@code "must be between 1024 and 65535"}) without subject or full stop.
 */
public record Violation(String rule, String reason) {

    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    /** A full sentence about {@code subject}: "Server Port (SERVER_PORT) must be between 1024 and 65535." */
    public String describe(String subject) {
        return subject + " " + reason + ".";
    }
}
