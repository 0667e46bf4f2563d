package io.lormas.identity.login;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.lormas.identity.twofactor.TwoFactor;
import io.lormas.identity.user.User;
import io.lormas.identity.user.Users;

/**
 * Sign-in with email and password, then the TOTP or recovery code when the account has 2FA. The principal's name
 * is the user id, so tokens carry it as {@code sub}. A suspended account is reported only after the password was
 * right, so the form does not tell strangers which emails exist.
 */
@Component
public class LoginAuthenticationProvider extends DaoAuthenticationProvider {

    static final String CODE_PARAMETER = "code";

    private final Users users;
    private final TwoFactor twoFactor;

    LoginAuthenticationProvider(Users users, TwoFactor twoFactor, PasswordEncoder passwords) {
        super(email -> users.findByEmail(email).map(LoginAuthenticationProvider::details)
                .orElseThrow(() -> new UsernameNotFoundException("unknown email")));
        this.users = users;
        this.twoFactor = twoFactor;
        setPasswordEncoder(passwords);
        setPreAuthenticationChecks(user -> {
        });
        setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("the account is suspended");
            }
        });
    }

    private static UserDetails details(User user) {
        return new org.springframework.security.core.userdetails.User(user.id().toString(), user.passwordHash(),
                user.active(), true, true, true, List.of(new SimpleGrantedAuthority("ROLE_USER")));
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails details, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        super.additionalAuthenticationChecks(details, authentication);
        User user = users.findById(UUID.fromString(details.getUsername())).orElseThrow(
                () -> new UsernameNotFoundException("unknown user"));
        if (user.twoFactorEnabled()) {
            String code = currentCode();
            if (code == null || code.isBlank()) {
                throw new SecondFactorRequired(false);
            }
            if (!twoFactor.verify(user, code)) {
                throw new SecondFactorRequired(true);
            }
        }
    }

    private static @Nullable String currentCode() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getParameter(CODE_PARAMETER);
        }
        return null;
    }
}
