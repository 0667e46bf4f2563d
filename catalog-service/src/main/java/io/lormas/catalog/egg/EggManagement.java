package io.lormas.catalog.egg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.catalog.nest.Nests;
import io.lormas.contracts.catalog.EggPublished;
import io.lormas.contracts.catalog.EggRemoved;
import io.lormas.eggs.Egg;
import io.lormas.eggs.format.EggFormat;
import io.lormas.eggs.format.EggImportException;
import io.lormas.eggs.format.EggReader;
import io.lormas.eggs.format.ImportWarning;
import io.lormas.eggs.format.ImportedEgg;
import io.lormas.eggs.format.Syntax;
import io.lormas.platform.id.Ids;
import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * Imports, edits and removes eggs. Every change makes a new version (the old ones are kept: servers run on the version
 * they were created with) and publishes {@code catalog.egg.published} in the same transaction; removal publishes
 * {@code catalog.egg.removed}.
 *
 * <p>An egg is identified across files by its uuid: importing a file whose uuid is known updates that egg. A file
 * without one (Pterodactyl eggs) gets a new uuid, which exports carry, so re-importing an export updates the egg too.
 * Importing what is already the current version changes nothing and publishes nothing.
 */
@Service
public class EggManagement {

    private final Eggs eggs;
    private final Nests nests;
    private final EggVersions versions;
    private final Outbox outbox;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final EggReader reader = new EggReader();

    EggManagement(Eggs eggs, Nests nests, EggVersions versions, Outbox outbox, JsonMapper json,
            PlatformTransactionManager transactions) {
        this.eggs = eggs;
        this.nests = nests;
        this.versions = versions;
        this.outbox = outbox;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * What an import did.
     *
     * @param created a new egg was made
     * @param changed a new version was made (false: the file is the current version already)
     */
    public record Imported(EggRow egg, Egg definition, boolean created, boolean changed, EggFormat format,
            Syntax syntax, List<ImportWarning> warnings) {
    }

    /**
     * Imports an egg file of any supported format.
     *
     * @param nestId files the egg in this nest (null: a new egg has none, an existing one keeps its nest)
     * @param eggId updates this egg whatever the file's uuid says, unless the file names another uuid (422)
     * @throws ProblemException 400 malformed, 413 too large, 422 unsupported or invalid, 404 unknown {@code eggId}
     */
    public Imported importFile(byte[] file, @Nullable UUID nestId, @Nullable UUID eggId, LormasPrincipal actor) {
        ImportedEgg imported;
        try {
            imported = reader.read(file);
        } catch (EggImportException e) {
            throw EggImportProblems.of(e);
        }
        LegacyEnvNames.Outcome outcome = LegacyEnvNames.upperCase(imported);
        Source source = new Source(new String(file, StandardCharsets.UTF_8), imported.format(), imported.syntax(),
                sha256(file), outcome.warnings());
        return Objects.requireNonNull(transaction.execute(status -> store(outcome.egg(), source, nestId, eggId, actor)));
    }

    private record Source(String text, EggFormat format, Syntax syntax, String sha256, List<ImportWarning> warnings) {
    }

    private Imported store(Egg egg, Source source, @Nullable UUID nestId, @Nullable UUID eggId, LormasPrincipal actor) {
        if (nestId != null && nests.holdForFiling(nestId).isEmpty()) {
            throw ProblemException.unprocessable("nest " + nestId + " does not exist",
                    List.of(new FieldViolation("nest", "does not exist")));
        }
        Optional<EggRow> existing;
        if (eggId != null) {
            EggRow target = eggs.lockById(eggId).orElseThrow(() -> ProblemException.notFound("egg", eggId));
            if (egg.uuid() != null && !egg.uuid().equals(target.uuid())) {
                throw ProblemException.unprocessable("the file is the egg with uuid " + egg.uuid() + ", but egg " + eggId
                        + " has uuid " + target.uuid() + "; import it without naming an egg to update that one",
                        List.of(new FieldViolation("uuid", "names another egg")));
            }
            existing = Optional.of(target);
        } else {
            existing = egg.uuid() == null ? Optional.empty() : eggs.lockByUuid(egg.uuid());
        }
        if (existing.isEmpty()) {
            UUID uuid = egg.uuid() != null ? egg.uuid() : UUID.randomUUID();
            Egg stored = egg.withUuid(uuid);
            String definition = versions.canonical(stored);
            refuseNul(definition);
            Instant now = Instant.now();
            EggRow row = new EggRow(Ids.newId(), uuid, nestId, stored.name(), stored.author(), stored.description(),
                    stored.tags(), List.of(), 1, now, now);
            if (eggs.insert(row) == 1) {
                publishVersion(row, stored, definition, source, actor);
                return new Imported(row, stored, true, true, source.format(), source.syntax(), source.warnings());
            }
            // A concurrent import of the same file made the egg first (the insert waited for it): update that one.
            existing = eggs.lockByUuid(uuid);
            if (existing.isEmpty()) {
                throw ProblemException.conflict("the egg was imported and removed concurrently; import it again");
            }
        }
        EggRow head = existing.get();
        Egg stored = egg.withUuid(head.uuid());
        UUID newNest = nestId != null ? nestId : head.nestId();
        String current = eggs.findVersion(head.id(), head.version()).orElseThrow().definition();
        String definition = versions.canonical(stored);
        refuseNul(definition);
        if (definition.equals(current) && Objects.equals(newNest, head.nestId())) {
            return new Imported(head, stored, false, false, source.format(), source.syntax(), source.warnings());
        }
        EggRow next = new EggRow(head.id(), head.uuid(), newNest, stored.name(), stored.author(), stored.description(),
                stored.tags(), head.capabilities(), head.version() + 1, head.createdAt(), Instant.now());
        eggs.update(next);
        publishVersion(next, stored, definition, source, actor);
        return new Imported(next, stored, false, true, source.format(), source.syntax(), source.warnings());
    }

    /**
     * Files the egg in another nest and/or sets the capabilities it needs: a new version with the same definition.
     *
     * @param nestId the new nest when {@code moveNest}, null meaning none
     * @param capabilities the new capabilities, null to keep them
     */
    @Transactional
    public EggRow edit(UUID id, boolean moveNest, @Nullable UUID nestId, @Nullable List<String> capabilities,
            LormasPrincipal actor) {
        if (moveNest && nestId != null && nests.holdForFiling(nestId).isEmpty()) {
            throw ProblemException.unprocessable("nest " + nestId + " does not exist",
                    List.of(new FieldViolation("nestId", "does not exist")));
        }
        List<String> caps = capabilities == null ? null : Capabilities.normalise(capabilities);
        EggRow head = eggs.lockById(id).orElseThrow(() -> ProblemException.notFound("egg", id));
        UUID newNest = moveNest ? nestId : head.nestId();
        List<String> newCaps = caps == null ? head.capabilities() : caps;
        if (Objects.equals(newNest, head.nestId()) && newCaps.equals(head.capabilities())) {
            return head;
        }
        EggVersionRow current = eggs.findVersion(head.id(), head.version()).orElseThrow();
        EggRow next = new EggRow(head.id(), head.uuid(), newNest, head.name(), head.author(), head.description(),
                head.tags(), newCaps, head.version() + 1, head.createdAt(), Instant.now());
        eggs.update(next);
        eggs.insertVersion(new EggVersionRow(next.id(), next.version(), next.nestId(), current.definition(), newCaps,
                null, null, null, "[]", actor.subject(), Instant.now()), null);
        Egg egg = versions.parse(current.definition()).egg();
        outbox.publish(new EggPublished(next.id(), next.version(), next.name(), next.nestId(),
                EggDefinitions.of(egg, newCaps)));
        return next;
    }

    /** Removes an egg: no new servers may use it; its versions stay for the servers that run on them. */
    @Transactional
    public void remove(UUID id) {
        eggs.lockById(id).orElseThrow(() -> ProblemException.notFound("egg", id));
        eggs.markRemoved(id);
        outbox.publish(new EggRemoved(id));
    }

    private void publishVersion(EggRow row, Egg egg, String definition, Source source, LormasPrincipal actor) {
        eggs.insertVersion(new EggVersionRow(row.id(), row.version(), row.nestId(), definition,
                row.capabilities(), source.format().id(), source.syntax().name().toLowerCase(java.util.Locale.ROOT),
                source.sha256(), json.writeValueAsString(source.warnings()), actor.subject(), Instant.now()),
                source.text());
        outbox.publish(new EggPublished(row.id(), row.version(), row.name(), row.nestId(),
                EggDefinitions.of(egg, row.capabilities())));
    }

    /**
     * A JSON {@code \\u0000} escape (not preceded by another backslash) means a NUL character in some text of the egg:
     * PostgreSQL cannot store it in text columns, and no real egg needs it.
     */
    private static final java.util.regex.Pattern NUL = java.util.regex.Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u0000");

    private static void refuseNul(String json) {
        if (NUL.matcher(json).find()) {
            throw ProblemException.unprocessable("The egg contains a NUL character (\\u0000) in a text; remove it.");
        }
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
