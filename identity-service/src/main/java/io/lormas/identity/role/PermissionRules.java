package io.lormas.identity.role;

import java.util.Collection;
import java.util.List;

import io.lormas.contracts.identity.Permissions;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/** The two rules every hand-out of permissions follows: names come from the catalogue, and nobody gives what they lack. */
public final class PermissionRules {

    private PermissionRules() {
    }

    /** 422 naming the first permission that is not in the catalogue. */
    public static void requireKnown(Collection<String> permissions, String field) {
        for (String permission : permissions) {
            if (!Permissions.exists(permission)) {
                throw ProblemException.unprocessable("'" + permission + "' is not a Lormas permission",
                        List.of(new FieldViolation(field, "unknown permission '" + permission + "'")));
            }
        }
    }

    /** 403 naming the first permission the caller does not hold themselves. */
    public static void requireHeld(LormasPrincipal caller, Collection<String> permissions) {
        for (String permission : permissions) {
            if (!caller.can(permission)) {
                throw ProblemException.forbidden("you cannot hand out '" + permission + "': you do not hold it yourself");
            }
        }
    }
}
