package io.lormas.catalog.egg;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import io.lormas.eggs.format.EggFormat;
import io.lormas.eggs.format.EggImportException;
import io.lormas.eggs.format.ImportSettings;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * An egg file that cannot be imported, as a problem: malformed JSON/YAML 400 (with line and column), too large 413,
 * not an egg of a supported format 422 (listing them), an egg with wrong content 422 (with the fields).
 */
final class EggImportProblems {

    static final List<String> SUPPORTED_FORMATS = Arrays.stream(EggFormat.values()).map(EggFormat::id).toList();

    private EggImportProblems() {
    }

    static ProblemException of(EggImportException e) {
        return switch (e.kind()) {
            case MALFORMED -> {
                Map<String, Object> where = new LinkedHashMap<>();
                if (e.line() != null) {
                    where.put("line", e.line());
                }
                if (e.column() != null) {
                    where.put("column", e.column());
                }
                yield new ProblemException(HttpStatus.BAD_REQUEST, "malformed-egg", "Malformed egg file",
                        e.getMessage(), List.of(), where, null);
            }
            case TOO_LARGE -> ProblemException.tooLarge(ImportSettings.DEFAULT_MAX_BYTES);
            case UNSUPPORTED_FORMAT -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unsupported-egg-format",
                    "Unsupported egg format", e.getMessage(), List.of(),
                    Map.of("supportedFormats", SUPPORTED_FORMATS, "supportedSyntaxes", List.of("json", "yaml")), null);
            case INVALID -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-egg", "Invalid egg",
                    e.getMessage(), e.errors().stream().map(f -> new FieldViolation(f.field(), f.message())).toList(),
                    Map.of(), null);
        };
    }
}
