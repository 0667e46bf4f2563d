package io.lormas.deploy.variable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.lormas.platform.crypto.SecretBox;

/**
 * Stores server variables; secret ones encrypted with {@link SecretBox}, bound to the server and the name so a
 * ciphertext copied elsewhere does not decrypt. Plaintext of secrets leaves only through {@link #plaintext}, which
 * is for the agent's spec; everything meant for people is {@link #masked}.
 */
@Component
public class VariableStore {

    /** What a secret value looks like in every answer. */
    public static final String MASK = "********";

    private final ServerVariables variables;
    private final ObjectProvider<SecretBox> secretBox;

    VariableStore(ServerVariables variables, ObjectProvider<SecretBox> secretBox) {
        this.variables = variables;
        this.secretBox = secretBox;
    }

    /** Where a variable comes from: the egg's definition or the owner (free-form environment). */
    public enum Source {
        EGG, CUSTOM;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A variable as people may see it. */
    public record Variable(String name, String value, boolean secret, Source source) {
    }

    public void store(UUID serverId, String name, String value, boolean secret, Source source) {
        String stored = secret ? secretBox.getObject().encrypt(value, context(serverId, name)) : value;
        variables.upsert(new ServerVariables.Row(serverId, name, stored, secret, source.wire()));
    }

    public void storeAll(UUID serverId, Map<String, String> values, Set<String> secrets, Source source) {
        if (values.isEmpty()) {
            return;
        }
        List<ServerVariables.Row> rows = new java.util.ArrayList<>(values.size());
        values.forEach((name, value) -> {
            boolean secret = secrets.contains(name);
            rows.add(new ServerVariables.Row(serverId, name,
                    secret ? secretBox.getObject().encrypt(value, context(serverId, name)) : value, secret, source.wire()));
        });
        variables.insertAll(rows);
    }

    public boolean delete(UUID serverId, String name) {
        return variables.delete(serverId, name) == 1;
    }

    /** Every variable, secrets masked. */
    public List<Variable> masked(UUID serverId) {
        return variables.ofServer(serverId).stream()
                .map(row -> new Variable(row.name(), row.secret() ? MASK : row.value(), row.secret(),
                        Source.valueOf(row.source().toUpperCase(java.util.Locale.ROOT))))
                .toList();
    }

    /** Name to plaintext value, egg variables first: for the agent's spec and for validating changes only. */
    public Map<String, String> plaintext(UUID serverId) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ServerVariables.Row row : variables.ofServer(serverId)) {
            values.put(row.name(), row.secret() ? secretBox.getObject().decrypt(row.value(), context(row.serverId(),
                    row.name())) : row.value());
        }
        return values;
    }

    /** The names of secret variables. */
    public Set<String> secretNames(UUID serverId) {
        return variables.ofServer(serverId).stream().filter(ServerVariables.Row::secret)
                .map(ServerVariables.Row::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static String context(UUID serverId, String name) {
        return "deploy.variable:" + serverId + ":" + name;
    }
}
