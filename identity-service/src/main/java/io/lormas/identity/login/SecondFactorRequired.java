package io.lormas.identity.login;

import org.springframework.security.core.AuthenticationException;

/** The password was right, but the account also needs a two-factor code (missing or wrong). */
public class SecondFactorRequired extends AuthenticationException {

    private final boolean codeGiven;

    public SecondFactorRequired(boolean codeGiven) {
        super(codeGiven ? "the authentication code is not valid" : "an authentication code is required");
        this.codeGiven = codeGiven;
    }

    /** False when the form carried no code yet (not a failed attempt). */
    public boolean codeGiven() {
        return codeGiven;
    }
}
