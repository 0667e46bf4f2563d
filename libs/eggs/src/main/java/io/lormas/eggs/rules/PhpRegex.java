package io.lormas.eggs.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * A PHP {@code preg_*} pattern as written in a Laravel {@code regex:} rule: delimiter, PCRE body and
 * modifiers (e.g. {@code /^[\w.-]+$/i}, {@code #^a/b$#}, {@code (^[a-z]+$)}), translated to
 * {@link java.util.regex}.
 *
 * <p>A pattern that PHP rejects (alphanumeric or backslash delimiter, missing end delimiter, unknown
 * modifier) or that uses PCRE features Java lacks (recursion, {@code \K}, branch reset, verbs) is
 * still a value of this type: {@link #problem()} says why, and {@link #find} is not available.
 * Two instances are equal when their source text is equal.
 */
public final class PhpRegex {

    /** Like PHP's {@code pcre.backtrack_limit}: a match that needs more steps counts as a failure. */
    static final int STEP_BUDGET = 1_000_000;

    private final String source;
    private final @Nullable Pattern pattern;
    private final @Nullable String problem;

    private PhpRegex(String source, @Nullable Pattern pattern, @Nullable String problem) {
        this.source = source;
        this.pattern = pattern;
        this.problem = problem;
    }

    /** Parses a delimited PHP pattern; never throws, see {@link #problem()}. */
    public static PhpRegex parse(String source) {
        Objects.requireNonNull(source, "source");
        int start = 0;
        while (start < source.length() && isPhpSpace(source.charAt(start))) {
            start++;
        }
        if (start == source.length()) {
            return invalid(source, "the pattern is empty");
        }
        char delimiter = source.charAt(start);
        if (Character.isLetterOrDigit(delimiter) || delimiter == '\\' || delimiter == 0) {
            return invalid(source, "PHP does not accept '" + delimiter
                    + "' as a delimiter (it must not be a letter, digit or backslash)");
        }
        int end = endDelimiter(source, start);
        if (end < 0) {
            return invalid(source, "no ending delimiter '" + closing(delimiter) + "' found");
        }
        String body = source.substring(start + 1, end);
        int flags = Pattern.UNIX_LINES;
        boolean extended = false;
        boolean dollarEndOnly = false;
        boolean anchored = false;
        for (int i = end + 1; i < source.length(); i++) {
            char modifier = source.charAt(i);
            switch (modifier) {
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE;
                case 'm' -> flags |= Pattern.MULTILINE;
                case 's' -> flags |= Pattern.DOTALL;
                case 'x' -> {
                    flags |= Pattern.COMMENTS;
                    extended = true;
                }
                case 'u' -> flags |= Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
                case 'D' -> dollarEndOnly = true;
                case 'A' -> anchored = true;
                // U (ungreedy), S (study), X (extra), J (duplicate names), n (no auto capture) and
                // r (restricted caseless) do not change whether a match exists.
                case 'U', 'S', 'X', 'J', 'n', 'r', ' ', '\n', '\r' -> { }
                default -> {
                    return invalid(source, "unknown modifier '" + modifier + "' after the ending delimiter");
                }
            }
        }
        String javaPattern;
        try {
            javaPattern = PcreTranslator.translate(body, extended, dollarEndOnly && (flags & Pattern.MULTILINE) == 0);
        } catch (PcreTranslator.UnsupportedPcre e) {
            return invalid(source, e.getMessage());
        }
        if (anchored) {
            javaPattern = "\\A(?:" + javaPattern + ")";
        }
        try {
            return new PhpRegex(source, Pattern.compile(javaPattern, flags), null);
        } catch (PatternSyntaxException e) {
            return invalid(source, "not a valid regular expression: " + e.getDescription());
        }
    }

    /**
     * Index of the ending delimiter of the pattern that starts at {@code start} (PHP's scan: a
     * backslash escapes the next character; bracket delimiters nest), or -1.
     */
    static int endDelimiter(String text, int start) {
        char open = text.charAt(start);
        char close = closing(open);
        int depth = 1;
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i++;
            } else if (c == close && (open == close || --depth <= 0)) {
                return i;
            } else if (c == open && open != close) {
                depth++;
            }
        }
        return -1;
    }

    /** Whether {@code c} may serve as a PHP delimiter. */
    static boolean isDelimiter(char c) {
        return !Character.isLetterOrDigit(c) && c != '\\' && c != 0 && !isPhpSpace(c);
    }

    static boolean isModifier(char c) {
        return "imsxuDAUSXJnr".indexOf(c) >= 0;
    }

    private static char closing(char open) {
        return switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            case '<' -> '>';
            default -> open;
        };
    }

    private static boolean isPhpSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    private static PhpRegex invalid(String source, String problem) {
        return new PhpRegex(source, null, problem);
    }

    /** The pattern as written in the rule, delimiters and modifiers included. */
    public String source() {
        return source;
    }

    /** Why this pattern cannot be evaluated, or empty when it can. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public boolean isValid() {
        return pattern != null;
    }

    /** The translated Java pattern, when valid. */
    public Optional<Pattern> javaPattern() {
        return Optional.ofNullable(pattern);
    }

    /**
     * Like {@code preg_match}: whether the pattern matches somewhere in {@code value}.
     *
     * @throws IllegalStateException if the pattern is not valid
     * @throws TooComplexException if matching needs more steps than PHP's default backtrack limit
     */
    public boolean find(String value) {
        if (pattern == null) {
            throw new IllegalStateException("cannot evaluate " + source + ": " + problem);
        }
        try {
            return pattern.matcher(new BoundedCharSequence(value, STEP_BUDGET)).find();
        } catch (BoundedCharSequence.BudgetExceeded | StackOverflowError e) {
            throw new TooComplexException(source);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhpRegex that && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }

    /** Matching would take too long (catastrophic backtracking); PHP would fail the match too. */
    public static final class TooComplexException extends RuntimeException {
        TooComplexException(String source) {
            super("matching " + source + " takes too many steps");
        }
    }

    /** Counts character reads so that a runaway match stops instead of hanging the caller. */
    private static final class BoundedCharSequence implements CharSequence {
        private final String text;
        private final int[] budget;

        BoundedCharSequence(String text, int budget) {
            this(text, new int[] {budget});
        }

        private BoundedCharSequence(String text, int[] budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BoundedCharSequence(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }

        static final class BudgetExceeded extends RuntimeException {
            BudgetExceeded() {
                super(null, null, false, false);
            }
        }
    }
}
