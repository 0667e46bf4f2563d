package io.lormas.eggs.format;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * An egg file that cannot be imported. {@link #kind()} tells an HTTP layer what to answer:
 * {@link Kind#MALFORMED} 400 (with {@link #line()}/{@link #column()}), {@link Kind#TOO_LARGE} 413,
 * {@link Kind#UNSUPPORTED_FORMAT} and {@link Kind#INVALID} 422 (with {@link #errors()} per field).
 * The message is a complete sentence for a person.
 */
public final class EggImportException extends RuntimeException {

    public enum Kind {
        /** Not parseable as JSON or YAML (or not UTF-8, or empty). */
        MALFORMED,
        /** Larger than {@link ImportSettings#maxBytes()}. */
        TOO_LARGE,
        /** Parseable, but not an egg in one of the supported {@code meta.version}s. */
        UNSUPPORTED_FORMAT,
        /** An egg in a supported format whose content is wrong; see {@link #errors()}. */
        INVALID
    }

    private final Kind kind;
    private final @Nullable Integer line;
    private final @Nullable Integer column;
    private final List<FieldError> errors;

    private EggImportException(Kind kind, String message, @Nullable Integer line, @Nullable Integer column,
            List<FieldError> errors) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.line = line;
        this.column = column;
        this.errors = List.copyOf(errors);
    }

    static EggImportException malformed(Syntax syntax, int line, int column, String problem) {
        return new EggImportException(Kind.MALFORMED, "The egg is not valid " + syntax + ": " + problem
                + " at line " + line + ", column " + column + ".", line, column, List.of());
    }

    static EggImportException malformed(String message) {
        return new EggImportException(Kind.MALFORMED, message, null, null, List.of());
    }

    static EggImportException malformed(String message, int line, int column) {
        return new EggImportException(Kind.MALFORMED, message, line, column, List.of());
    }

    static EggImportException tooLarge(long bytes, int maxBytes) {
        return new EggImportException(Kind.TOO_LARGE, "The egg is " + bytes + " bytes long; at most " + maxBytes
                + " bytes are accepted.", null, null, List.of());
    }

    static EggImportException unsupported(String why) {
        return new EggImportException(Kind.UNSUPPORTED_FORMAT, why + " Supported formats: "
                + EggFormat.supported() + ", as JSON or YAML.", null, null, List.of());
    }

    static EggImportException invalid(EggFormat format, List<FieldError> errors) {
        String details = errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
        return new EggImportException(Kind.INVALID, "The " + format.id() + " egg cannot be imported: " + details
                + ".", null, null, errors);
    }

    public Kind kind() {
        return kind;
    }

    /** 1-based line of a {@link Kind#MALFORMED} file, when known. */
    public @Nullable Integer line() {
        return line;
    }

    /** 1-based column of a {@link Kind#MALFORMED} file, when known. */
    public @Nullable Integer column() {
        return column;
    }

    /** What is wrong, field by field, for {@link Kind#INVALID}; empty otherwise. */
    public List<FieldError> errors() {
        return errors;
    }
}
