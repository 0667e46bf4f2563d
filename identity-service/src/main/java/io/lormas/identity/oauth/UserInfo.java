package io.lormas.identity.oauth;

import java.util.ArrayList;
import java.util.UUID;

import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.lormas.identity.role.Roles;
import io.lormas.identity.user.Users;

/** {@code /userinfo}: the user's id, email, name and roles (SAS answers only {@code sub} by default). */
public final class UserInfo {

    private UserInfo() {
    }

    public static OidcUserInfo of(OidcUserInfoAuthenticationContext context, Users users, Roles roles) {
        JwtAuthenticationToken principal = (JwtAuthenticationToken) context.getAuthentication().getPrincipal();
        String subject = principal.getName();
        var builder = OidcUserInfo.builder().subject(subject);
        try {
            users.findById(UUID.fromString(subject)).ifPresent(user -> {
                builder.email(user.email()).claim("roles", new ArrayList<>(roles.namesOfUser(user.id())));
                if (user.displayName() != null) {
                    builder.name(user.displayName());
                }
            });
        } catch (IllegalArgumentException e) {
            // a client's token: only the subject
        }
        return builder.build();
    }
}
