package io.lormas.deploy.variable.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.contracts.catalog.EggDefinition;
import io.lormas.deploy.activity.Actor;
import io.lormas.deploy.egg.EggCatalog;
import io.lormas.deploy.egg.EggVersion;
import io.lormas.deploy.server.Server;
import io.lormas.deploy.server.ServerAccess;
import io.lormas.deploy.server.ServerManagement;
import io.lormas.deploy.server.ServerState;
import io.lormas.deploy.variable.VariableRules;
import io.lormas.deploy.variable.VariableStore;
import io.lormas.eggs.EnvironmentNames;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * Reading and changing a server's variables: egg variables under the egg's rules (users only user-editable ones),
 * custom ones free-form under the environment naming rules. A change applies at the next start (the container is
 * recreated with the new spec). Values never enter the activity log.
 */
@Service
class VariableEditing {

    static final String READ = "startup.read";
    static final String UPDATE = "startup.update";

    private final ServerManagement servers;
    private final ServerAccess access;
    private final EggCatalog eggs;
    private final VariableRules rules;
    private final VariableStore store;

    VariableEditing(ServerManagement servers, ServerAccess access, EggCatalog eggs, VariableRules rules,
            VariableStore store) {
        this.servers = servers;
        this.access = access;
        this.eggs = eggs;
        this.rules = rules;
        this.store = store;
    }

    /** A variable as shown: secrets masked; users see only user-viewable egg variables. */
    record VariableView(String name, String value, boolean secret, String source, boolean editable,
            @Nullable String description) {
    }

    List<VariableView> list(UUID serverId, LormasPrincipal principal) {
        Server server = servers.require(serverId);
        access.requireVisible(principal, server.id(), server.ownerId());
        access.require(principal, READ, server.id(), server.ownerId());
        boolean staff = ServerAccess.isStaff(principal);
        EggVersion egg = egg(server);
        Map<String, EggDefinition.Variable> defined = definitions(egg);
        List<VariableView> views = new ArrayList<>();
        for (VariableStore.Variable variable : store.masked(serverId)) {
            EggDefinition.Variable definition = defined.get(variable.name());
            if (definition != null) {
                if (!staff && !definition.userViewable()) {
                    continue;
                }
                views.add(new VariableView(variable.name(), variable.value(), variable.secret(), "egg",
                        staff || definition.userEditable(), definition.description()));
            } else {
                views.add(new VariableView(variable.name(), variable.value(), variable.secret(), "custom", true, null));
            }
        }
        return views;
    }

    @Transactional
    VariableView set(UUID serverId, String name, String value, @Nullable Boolean secret, LormasPrincipal principal) {
        Server server = servers.lockFor(serverId, principal, UPDATE);
        boolean staff = ServerAccess.isStaff(principal);
        EggVersion egg = egg(server);
        Map<String, EggDefinition.Variable> defined = definitions(egg);
        Map<String, String> current = store.plaintext(serverId);
        boolean wasSecret = store.secretNames(serverId).contains(name);
        boolean makeSecret = secret == null ? wasSecret : secret;
        EggDefinition.Variable definition = defined.get(name);
        VariableStore.Source source;
        if (definition != null) {
            VariableRules.Outcome outcome = rules.validate(egg, Map.of(name, value), current, staff);
            List<String> messages = outcome.errors().get(name);
            if (messages != null && !messages.isEmpty()) {
                throw ProblemException.unprocessable("the value breaks the variable's rules",
                        messages.stream().map(m -> new FieldViolation("value", m)).toList());
            }
            source = VariableStore.Source.EGG;
        } else {
            requireCustomName(name);
            source = VariableStore.Source.CUSTOM;
        }
        ServerState before = server.state();
        store.store(serverId, name, value, makeSecret, source);
        server.specChanged();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("secret", makeSecret);
        details.put("source", source.name().toLowerCase(java.util.Locale.ROOT));
        servers.flush(server, before, Actor.current(), "server.variable.set", details);
        return new VariableView(name, makeSecret ? VariableStore.MASK : value, makeSecret,
                source.name().toLowerCase(java.util.Locale.ROOT), true,
                definition == null ? null : definition.description());
    }

    @Transactional
    void delete(UUID serverId, String name, LormasPrincipal principal) {
        Server server = servers.lockFor(serverId, principal, UPDATE);
        if (definitions(egg(server)).containsKey(name)) {
            throw ProblemException.conflict("'" + name + "' is a variable of the egg: set a value instead of removing it");
        }
        ServerState before = server.state();
        if (!store.delete(serverId, name)) {
            throw ProblemException.notFound("variable", name);
        }
        server.specChanged();
        servers.flush(server, before, Actor.current(), "server.variable.delete", Map.of("name", name));
    }

    private static void requireCustomName(String name) {
        if (!EnvironmentNames.isValid(name) || name.length() > 64) {
            throw ProblemException.badRequest("invalid variable name", List.of(new FieldViolation("name",
                    "must be 1 to 64 of A-Z, 0-9 and _, not starting with a digit")));
        }
        if (EnvironmentNames.isReserved(name) || EnvironmentNames.PROVIDED.contains(name)) {
            throw ProblemException.unprocessable("reserved variable name", List.of(new FieldViolation("name",
                    name + " is set by the platform")));
        }
    }

    private EggVersion egg(Server server) {
        return eggs.version(server.eggId(), server.eggVersion()).orElseThrow(() -> new IllegalStateException(
                "egg " + server.eggId() + " version " + server.eggVersion() + " is unknown"));
    }

    private static Map<String, EggDefinition.Variable> definitions(EggVersion egg) {
        Map<String, EggDefinition.Variable> byName = new LinkedHashMap<>();
        egg.definition().variables().forEach(v -> byName.put(v.envName(), v));
        return byName;
    }
}
