package io.lormas.eggs.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One Laravel validation rule of an egg variable, parsed from one token of its rule string.
 *
 * <p>The verbatim tokens live in {@link RuleSet#tokens()}; a rule only carries what evaluation needs.
 */
public sealed interface Rule {

    /** Laravel's name of the rule, lower case ({@code "between"}); aliases give the canonical name. */
    String name();

    /**
     * Whether Laravel also runs this rule on an empty value. Every other rule passes on an empty or
     * missing value, which is why {@code nullable} changes nothing for string environment values.
     */
    default boolean implicit() {
        return false;
    }

    record Required() implements Rule {
        public String name() { return "required"; }
        public boolean implicit() { return true; }
    }

    record Present() implements Rule {
        public String name() { return "present"; }
        public boolean implicit() { return true; }
    }

    record Filled() implements Rule {
        public String name() { return "filled"; }
        public boolean implicit() { return true; }
    }

    record Accepted() implements Rule {
        public String name() { return "accepted"; }
        public boolean implicit() { return true; }
    }

    record Declined() implements Rule {
        public String name() { return "declined"; }
        public boolean implicit() { return true; }
    }

    record Nullable() implements Rule {
        public String name() { return "nullable"; }
    }

    /** {@code sometimes}: only meaningful for request fields; a variable always has a value. */
    record Sometimes() implements Rule {
        public String name() { return "sometimes"; }
    }

    /** {@code bail}: stop at the first failing rule. */
    record Bail() implements Rule {
        public String name() { return "bail"; }
    }

    record StringType() implements Rule {
        public String name() { return "string"; }
    }

    /** {@code integer}, also written {@code int} (Laravel normalises {@code Int} to {@code Integer}). */
    record IntegerType() implements Rule {
        public String name() { return "integer"; }
    }

    record NumericType() implements Rule {
        public String name() { return "numeric"; }
    }

    /** {@code boolean} (or {@code bool}): Laravel accepts only {@code 0} and {@code 1} for a string value. */
    record BooleanType() implements Rule {
        public String name() { return "boolean"; }
    }

    /** {@code in:a,b}: the value must equal one item (numeric strings compare as numbers, like PHP). */
    record In(List<String> values) implements Rule {
        public In { values = List.copyOf(values); }
        public String name() { return "in"; }
    }

    record NotIn(List<String> values) implements Rule {
        public NotIn { values = List.copyOf(values); }
        public String name() { return "not_in"; }
    }

    /** {@code min:n}: at least n, or at least n characters when the set has no numeric/integer rule. */
    record Min(BigDecimal limit) implements Rule {
        public Min { Objects.requireNonNull(limit); }
        public String name() { return "min"; }
    }

    record Max(BigDecimal limit) implements Rule {
        public Max { Objects.requireNonNull(limit); }
        public String name() { return "max"; }
    }

    record Between(BigDecimal min, BigDecimal max) implements Rule {
        public Between { Objects.requireNonNull(min); Objects.requireNonNull(max); }
        public String name() { return "between"; }
    }

    record Size(BigDecimal size) implements Rule {
        public Size { Objects.requireNonNull(size); }
        public String name() { return "size"; }
    }

    /** {@code gt}, {@code gte}, {@code lt}, {@code lte} against a number (the value must be numeric). */
    record Comparison(Operator operator, BigDecimal limit) implements Rule {
        public Comparison { Objects.requireNonNull(operator); Objects.requireNonNull(limit); }
        public String name() { return operator.ruleName; }

        public enum Operator {
            GT("gt"), GTE("gte"), LT("lt"), LTE("lte");

            final String ruleName;

            Operator(String ruleName) {
                this.ruleName = ruleName;
            }
        }
    }

    record Digits(int count) implements Rule {
        public String name() { return "digits"; }
    }

    record DigitsBetween(int min, int max) implements Rule {
        public String name() { return "digits_between"; }
    }

    /** {@code alpha}, optionally {@code alpha:ascii}. */
    record Alpha(boolean asciiOnly) implements Rule {
        public String name() { return "alpha"; }
    }

    record AlphaDash(boolean asciiOnly) implements Rule {
        public String name() { return "alpha_dash"; }
    }

    record AlphaNum(boolean asciiOnly) implements Rule {
        public String name() { return "alpha_num"; }
    }

    /** {@code url}, optionally restricted to protocols ({@code url:http,https}). */
    record Url(List<String> protocols) implements Rule {
        public Url { protocols = List.copyOf(protocols); }
        public String name() { return "url"; }
    }

    record Ip(Version version) implements Rule {
        public Ip { Objects.requireNonNull(version); }
        public String name() {
            return switch (version) {
                case ANY -> "ip";
                case V4 -> "ipv4";
                case V6 -> "ipv6";
            };
        }

        public enum Version { ANY, V4, V6 }
    }

    /** {@code starts_with}, {@code ends_with}, {@code doesnt_start_with}, {@code doesnt_end_with}. */
    record Affix(End end, boolean negated, List<String> values) implements Rule {
        public Affix { Objects.requireNonNull(end); values = List.copyOf(values); }
        public String name() {
            return (negated ? "doesnt_" : "") + (end == End.START ? (negated ? "start_with" : "starts_with")
                    : (negated ? "end_with" : "ends_with"));
        }

        public enum End { START, END }
    }

    record Json() implements Rule {
        public String name() { return "json"; }
    }

    record Email() implements Rule {
        public String name() { return "email"; }
    }

    record Uuid() implements Rule {
        public String name() { return "uuid"; }
    }

    record Ulid() implements Rule {
        public String name() { return "ulid"; }
    }

    record Lowercase() implements Rule {
        public String name() { return "lowercase"; }
    }

    record Uppercase() implements Rule {
        public String name() { return "uppercase"; }
    }

    record Ascii() implements Rule {
        public String name() { return "ascii"; }
    }

    record HexColor() implements Rule {
        public String name() { return "hex_color"; }
    }

    record MacAddress() implements Rule {
        public String name() { return "mac_address"; }
    }

    /**
     * {@code regex:/.../flags} or {@code not_regex:...}. A pattern PHP itself would reject (see
     * {@link PhpRegex#problem()}) is kept but not checked.
     */
    record Regex(PhpRegex pattern, boolean negated) implements Rule {
        public Regex { Objects.requireNonNull(pattern); }
        public String name() { return negated ? "not_regex" : "regex"; }
    }

    /**
     * A token Lormas cannot evaluate (not a Laravel rule, a rule that needs a database or another
     * field, or malformed parameters). It is kept verbatim and never fails a value.
     */
    record Unknown(String token, String reason) implements Rule {
        public Unknown { Objects.requireNonNull(token); Objects.requireNonNull(reason); }
        public String name() {
            int colon = token.indexOf(':');
            return (colon < 0 ? token : token.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        }
    }
}
