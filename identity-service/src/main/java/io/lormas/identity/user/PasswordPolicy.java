package io.lormas.identity.user;

import java.util.List;

import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/** At least 12 characters (NIST SP 800-63B length over composition rules), at most 128, not the email. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** 400 naming the rule the password breaks. */
    public static void check(String field, String password, String email) {
        String rule = null;
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            rule = "must be at least " + MIN_LENGTH + " characters";
        } else if (length > MAX_LENGTH) {
            rule = "must be at most " + MAX_LENGTH + " characters";
        } else if (password.isBlank()) {
            rule = "must not be blank";
        } else if (password.equalsIgnoreCase(email)) {
            rule = "must not be the email address";
        }
        if (rule != null) {
            throw ProblemException.badRequest("the password is too weak",
                    List.of(new FieldViolation(field, rule)));
        }
    }
}
