package io.lormas.catalog.egg;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One published version of an egg (without the imported file itself, see {@link Eggs#findSource}).
 *
 * @param definition the egg as PLCN_v3 JSON written by Lormas
 * @param sourceFormat the format of the imported file ({@code PTDL_v2}...); null for versions made by an edit
 * @param warnings JSON array of {@code {field, message}} from the import
 * @param createdBy the subject of the principal who made the version
 */
public record EggVersionRow(UUID eggId, int version, @Nullable UUID nestId, String definition,
        List<String> capabilities, @Nullable String sourceFormat, @Nullable String sourceSyntax,
        @Nullable String sourceSha256, String warnings, String createdBy, Instant createdAt) {
}
