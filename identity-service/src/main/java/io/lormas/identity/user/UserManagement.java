package io.lormas.identity.user;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.contracts.identity.UserCreated;
import io.lormas.contracts.identity.UserDeleted;
import io.lormas.contracts.identity.UserSuspended;
import io.lormas.contracts.identity.UserUnsuspended;
import io.lormas.contracts.identity.UserUpdated;
import io.lormas.identity.role.PermissionRules;
import io.lormas.identity.role.Roles;
import io.lormas.identity.role.SystemRoles;
import io.lormas.platform.id.Ids;
import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * The life of user accounts: creation, changes, suspension, deletion and permission overrides. Every change
 * publishes its {@code identity.user.*} event in the same transaction.
 */
@Service
public class UserManagement {

    private final Users users;
    private final Roles roles;
    private final PasswordEncoder passwords;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;

    UserManagement(Users users, Roles roles, PasswordEncoder passwords, Outbox outbox, ApplicationEventPublisher events) {
        this.users = users;
        this.roles = roles;
        this.passwords = passwords;
        this.outbox = outbox;
        this.events = events;
    }

    /** A user with the names of their roles. */
    public record UserWithRoles(User user, List<String> roles) {
    }

    /** A page of users; {@code next} is the cursor of the following page or null. */
    public record UserPage(List<UserWithRoles> items, @Nullable String next) {
    }

    /**
     * Creates an active user.
     *
     * @param caller null for the platform itself (first-run admin)
     * @throws ProblemException 400 for a weak password, 422 for an unknown role, 403 for a role holding permissions
     *         the caller lacks, 409 for a taken email
     */
    @Transactional
    public UserWithRoles create(@Nullable LormasPrincipal caller, String email, String password,
            @Nullable List<String> roleNames, @Nullable String displayName) {
        String normalizedEmail = email.trim();
        PasswordPolicy.check("password", password, normalizedEmail);
        List<String> wanted = roleNames == null || roleNames.isEmpty() ? List.of(SystemRoles.CUSTOMER)
                : List.copyOf(new LinkedHashSet<>(roleNames));
        checkAssignable(caller, wanted);
        if (users.findByEmail(normalizedEmail).isPresent()) {
            throw ProblemException.conflict("a user with this email already exists");
        }
        User user = new User(Ids.newId(), normalizedEmail, passwords.encode(password), displayName, User.ACTIVE, null,
                null, null, null, null, null, null, 0);
        users.insert(user);
        users.addRoles(user.id(), wanted);
        List<String> held = roles.namesOfUser(user.id());
        outbox.publish(new UserCreated(user.id(), user.email(), held, User.ACTIVE));
        return new UserWithRoles(users.findById(user.id()).orElseThrow(), held);
    }

    @Transactional(readOnly = true)
    public UserWithRoles get(UUID id) {
        User user = users.findById(id).orElseThrow(() -> ProblemException.notFound("user", id));
        return new UserWithRoles(user, roles.namesOfUser(id));
    }

    /**
     * @param query a fragment of the email, or null
     * @param status {@code active}, {@code suspended} or null
     */
    @Transactional(readOnly = true)
    public UserPage list(@Nullable String query, @Nullable String status, @Nullable UUID after, int limit) {
        String pattern = query == null || query.isBlank() ? null
                : "%" + query.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<User> page = users.page(pattern, status, after, limit + 1);
        boolean more = page.size() > limit;
        List<UserWithRoles> items = page.stream().limit(limit)
                .map(user -> new UserWithRoles(user, roles.namesOfUser(user.id()))).toList();
        return new UserPage(items, more ? items.getLast().user().id().toString() : null);
    }

    /** Changes what is given (null = unchanged). */
    @Transactional
    public UserWithRoles update(LormasPrincipal caller, UUID id, @Nullable String email, @Nullable String displayName,
            @Nullable List<String> roleNames) {
        User user = users.findById(id).orElseThrow(() -> ProblemException.notFound("user", id));
        String newEmail = email == null ? user.email() : email.trim();
        if (!newEmail.equalsIgnoreCase(user.email()) && users.findByEmail(newEmail).isPresent()) {
            throw ProblemException.conflict("a user with this email already exists");
        }
        User changed = new User(id, newEmail, user.passwordHash(), displayName == null ? user.displayName() : displayName,
                user.status(), user.suspendedReason(), user.totpSecret(), user.totpEnabledAt(), user.totpLastStep(),
                user.lastLoginAt(), user.createdAt(), user.updatedAt(), user.version());
        if (users.updateProfile(changed) == 0) {
            throw ProblemException.conflict("the user was changed concurrently; read it again and retry");
        }
        if (roleNames != null) {
            List<String> wanted = List.copyOf(new LinkedHashSet<>(roleNames));
            checkAssignable(caller, wanted);
            List<String> before = roles.namesOfUser(id);
            if (before.contains(SystemRoles.ADMIN) && !wanted.contains(SystemRoles.ADMIN)) {
                requireAnotherAdmin(user);
            }
            users.clearRoles(id);
            if (!wanted.isEmpty()) {
                users.addRoles(id, wanted);
            }
        }
        UserWithRoles result = get(id);
        outbox.publish(new UserUpdated(id, result.user().email(), result.roles(), result.user().status()));
        return result;
    }

    @Transactional
    public UserWithRoles suspend(LormasPrincipal caller, UUID id, @Nullable String reason) {
        User user = users.findById(id).orElseThrow(() -> ProblemException.notFound("user", id));
        if (id.equals(caller.userId())) {
            throw ProblemException.unprocessable("you cannot suspend yourself");
        }
        if (user.active()) {
            if (roles.namesOfUser(id).contains(SystemRoles.ADMIN)) {
                requireAnotherAdmin(user);
            }
            users.updateStatus(id, User.SUSPENDED, reason);
            events.publishEvent(new AccountClosed(id, false));
            outbox.publish(new UserSuspended(id, reason));
        }
        return get(id);
    }

    @Transactional
    public UserWithRoles unsuspend(UUID id) {
        User user = users.findById(id).orElseThrow(() -> ProblemException.notFound("user", id));
        if (!user.active()) {
            users.updateStatus(id, User.ACTIVE, null);
            outbox.publish(new UserUnsuspended(id));
        }
        return get(id);
    }

    /** Deletes the account with its sessions, clients and grants. Deleting a missing user is a 404. */
    @Transactional
    public void delete(LormasPrincipal caller, UUID id) {
        User user = users.findById(id).orElseThrow(() -> ProblemException.notFound("user", id));
        if (id.equals(caller.userId())) {
            throw ProblemException.unprocessable("you cannot delete yourself");
        }
        if (roles.namesOfUser(id).contains(SystemRoles.ADMIN)) {
            requireAnotherAdmin(user);
        }
        events.publishEvent(new AccountClosed(id, true));
        users.delete(id);
        outbox.publish(new UserDeleted(id));
    }

    /**
     * Changes one's own password after checking the current one.
     *
     * @throws ProblemException 422 when the current password is wrong, 400 when the new one breaks the policy
     */
    @Transactional
    public void changePassword(UUID id, String currentPassword, String newPassword) {
        User user = users.findById(id).orElseThrow(() -> ProblemException.notFound("user", id));
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw ProblemException.unprocessable("the current password is wrong",
                    List.of(new FieldViolation("currentPassword", "does not match")));
        }
        PasswordPolicy.check("newPassword", newPassword, user.email());
        users.updatePassword(id, passwords.encode(newPassword));
    }

    /** True when the password is the user's (to confirm sensitive changes). */
    @Transactional(readOnly = true)
    public boolean passwordMatches(UUID id, String password) {
        return users.findById(id).map(user -> passwords.matches(password, user.passwordHash())).orElse(false);
    }

    /** Replaces the user's overrides; the caller must hold every permission they grant. */
    @Transactional
    public List<PermissionOverride> replaceOverrides(LormasPrincipal caller, UUID id, Set<String> grant, Set<String> deny) {
        users.findById(id).orElseThrow(() -> ProblemException.notFound("user", id));
        PermissionRules.requireKnown(grant, "grant");
        PermissionRules.requireKnown(deny, "deny");
        PermissionRules.requireHeld(caller, grant);
        Set<String> both = new LinkedHashSet<>(grant);
        both.retainAll(deny);
        if (!both.isEmpty()) {
            throw ProblemException.unprocessable("'" + both.iterator().next() + "' cannot be both granted and denied");
        }
        List<PermissionOverride> overrides = new ArrayList<>();
        grant.forEach(p -> overrides.add(new PermissionOverride(p, PermissionOverride.GRANT)));
        deny.forEach(p -> overrides.add(new PermissionOverride(p, PermissionOverride.DENY)));
        users.clearOverrides(id);
        if (!overrides.isEmpty()) {
            users.addOverrides(id, overrides);
        }
        return users.overridesOf(id);
    }

    @Transactional(readOnly = true)
    public List<PermissionOverride> overrides(UUID id) {
        users.findById(id).orElseThrow(() -> ProblemException.notFound("user", id));
        return users.overridesOf(id);
    }

    private void checkAssignable(@Nullable LormasPrincipal caller, List<String> roleNames) {
        for (String name : roleNames) {
            var role = roles.findByName(name).orElseThrow(() -> ProblemException.unprocessable(
                    "role '" + name + "' does not exist", List.of(new FieldViolation("roles", "unknown role '" + name + "'"))));
            if (caller != null) {
                PermissionRules.requireHeld(caller, roles.permissionsOf(role.id()));
            }
        }
    }

    private void requireAnotherAdmin(User user) {
        if (user.active() && users.activeAdmins() <= 1) {
            throw ProblemException.unprocessable("this is the last active administrator");
        }
    }
}
