package io.lormas.eggs.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The validation rules of one egg variable: the text as the egg wrote it, its tokens, the parsed
 * rules and what looked odd while parsing.
 *
 * <p>{@code text} is the pipe string as written ({@code "required|string|max:20"}), or the items of
 * a rule list joined with {@code |}. {@code tokens} are kept verbatim, empty and unknown ones
 * included, so that an export writes back exactly what was imported. Evaluation follows Laravel for
 * string values: an empty value only meets implicit rules ({@link Rule#implicit()}); {@code min},
 * {@code max}, {@code between}, {@code size} and {@code gt}... compare numbers when the set has an
 * {@code integer}/{@code numeric} rule and the value is numeric, characters otherwise.
 *
 * @param problems parse-time notes in plain words (unknown rules, regexes PHP would reject, ...);
 *                 unknown or unusable rules never fail a value
 */
public record RuleSet(String text, List<String> tokens, List<Rule> rules, List<String> problems) {

    private static final RuleSet NONE = new RuleSet("", List.of(), List.of(), List.of());
    private static final int LISTED_VALUES = 12;

    public RuleSet {
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }

    /** No rules at all: every value passes. */
    public static RuleSet none() {
        return NONE;
    }

    /** Parses a Laravel pipe string such as {@code required|integer|between:1024,65535}. */
    public static RuleSet parse(String text) {
        Objects.requireNonNull(text, "text");
        return build(text, RuleParser.split(text));
    }

    /** Parses the list form of rules ({@code ["required", "regex:/^(a|b)$/"]}): each item is one token. */
    public static RuleSet of(List<String> tokens) {
        String text = String.join("|", tokens);
        return build(text, text.isEmpty() ? List.of() : tokens);
    }

    private static RuleSet build(String text, List<String> tokens) {
        if (tokens.isEmpty()) {
            return new RuleSet(text, List.of(), List.of(), List.of());
        }
        List<String> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (String token : tokens) {
            Rule rule = RuleParser.parse(token, problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        if (has(rules, Rule.Required.class) && has(rules, Rule.Nullable.class)) {
            problems.add("both required and nullable: required wins, an empty value is refused");
        }
        return new RuleSet(text, tokens, rules, problems);
    }

    private static boolean has(List<Rule> rules, Class<? extends Rule> type) {
        for (Rule rule : rules) {
            if (type.isInstance(rule)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an empty value is refused ({@code required}). */
    public boolean isRequired() {
        return has(rules, Rule.Required.class);
    }

    public boolean isNullable() {
        return has(rules, Rule.Nullable.class);
    }

    /** Whether sizes are numbers rather than lengths: Laravel's test for an integer or numeric rule. */
    public boolean comparesNumbers() {
        return has(rules, Rule.IntegerType.class) || has(rules, Rule.NumericType.class);
    }

    /** Tokens kept but not evaluated: unknown rules and regexes that cannot be checked. */
    public List<String> uncheckedTokens() {
        List<String> unchecked = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule instanceof Rule.Unknown unknown) {
                unchecked.add(unknown.token());
            } else if (rule instanceof Rule.Regex regex && !regex.pattern().isValid()) {
                unchecked.add(regex.name() + ":" + regex.pattern().source());
            }
        }
        return unchecked;
    }

    /**
     * Checks one value; {@code null} means no value was given at all (which only {@code present} and
     * {@code required} distinguish from an empty string).
     *
     * @return every failing rule in rule order (only the first with {@code bail}); empty when valid
     */
    public List<Violation> check(@Nullable String value) {
        boolean empty = value == null || PhpValues.isEmpty(value);
        boolean numbers = comparesNumbers();
        boolean bail = has(rules, Rule.Bail.class);
        List<Violation> violations = new ArrayList<>(2);
        for (Rule rule : rules) {
            if (empty && !rule.implicit()) {
                continue;
            }
            String reason = failure(rule, value, numbers);
            if (reason != null) {
                violations.add(new Violation(rule.name(), reason));
                if (bail) {
                    break;
                }
            }
        }
        return violations;
    }

    /** Why {@code value} fails {@code rule}, or null when it passes. */
    private static @Nullable String failure(Rule rule, @Nullable String value, boolean numbers) {
        if (value == null) {
            return switch (rule) {
                case Rule.Present p -> "must be provided";
                case Rule.Required r -> "is required";
                case Rule.Accepted a -> "must be accepted (yes, on, 1 or true)";
                case Rule.Declined d -> "must be declined (no, off, 0 or false)";
                default -> null;
            };
        }
        return switch (rule) {
            case Rule.Required r -> PhpValues.isEmpty(value) ? "is required" : null;
            case Rule.Filled f -> PhpValues.isEmpty(value) ? "must not be empty" : null;
            case Rule.Present p -> null;
            case Rule.Accepted a -> List.of("yes", "on", "1", "true").contains(value) ? null
                    : "must be accepted (yes, on, 1 or true)";
            case Rule.Declined d -> List.of("no", "off", "0", "false").contains(value) ? null
                    : "must be declined (no, off, 0 or false)";
            case Rule.Nullable n -> null;
            case Rule.Sometimes s -> null;
            case Rule.Bail b -> null;
            case Rule.StringType s -> null;
            case Rule.IntegerType i -> PhpValues.isInteger(value) ? null : "must be a whole number";
            case Rule.NumericType n -> PhpValues.isNumeric(value) ? null : "must be a number";
            case Rule.BooleanType b -> value.equals("0") || value.equals("1") ? null
                    : "must be 1 (true) or 0 (false)";
            case Rule.In in -> in.values().stream().anyMatch(v -> PhpValues.looselyEqual(value, v)) ? null
                    : "must be one of: " + listed(in.values());
            case Rule.NotIn notIn -> notIn.values().stream().noneMatch(v -> PhpValues.looselyEqual(value, v)) ? null
                    : "must not be one of: " + listed(notIn.values());
            case Rule.Min min -> size(value, numbers).compareTo(min.limit()) >= 0 ? null
                    : sizeMeaning(value, numbers)
                            ? "must be at least " + plain(min.limit())
                            : "must be at least " + characters(min.limit()) + " long";
            case Rule.Max max -> size(value, numbers).compareTo(max.limit()) <= 0 ? null
                    : sizeMeaning(value, numbers)
                            ? "must not be greater than " + plain(max.limit())
                            : "must not be longer than " + characters(max.limit());
            case Rule.Between between -> {
                BigDecimal size = size(value, numbers);
                boolean inside = size.compareTo(between.min()) >= 0 && size.compareTo(between.max()) <= 0;
                yield inside ? null : sizeMeaning(value, numbers)
                        ? "must be between " + plain(between.min()) + " and " + plain(between.max())
                        : "must be between " + plain(between.min()) + " and " + characters(between.max()) + " long";
            }
            case Rule.Size size -> size(value, numbers).compareTo(size.size()) == 0 ? null
                    : sizeMeaning(value, numbers)
                            ? "must be " + plain(size.size())
                            : "must be exactly " + characters(size.size()) + " long";
            case Rule.Comparison comparison -> comparisonFailure(comparison, value, numbers);
            case Rule.Digits digits -> PhpValues.isDigits(value) && value.length() == digits.count() ? null
                    : "must be exactly " + digits.count() + (digits.count() == 1 ? " digit" : " digits");
            case Rule.DigitsBetween digits -> PhpValues.isDigits(value) && value.length() >= digits.min()
                    && value.length() <= digits.max() ? null
                    : "must be between " + digits.min() + " and " + digits.max() + " digits";
            case Rule.Alpha alpha -> PhpValues.isAlpha(value, alpha.asciiOnly()) ? null
                    : "must contain only letters";
            case Rule.AlphaDash alpha -> PhpValues.isAlphaDash(value, alpha.asciiOnly()) ? null
                    : "must contain only letters, numbers, dashes and underscores";
            case Rule.AlphaNum alpha -> PhpValues.isAlphaNum(value, alpha.asciiOnly()) ? null
                    : "must contain only letters and numbers";
            case Rule.Url url -> PhpValues.isUrl(value, url.protocols()) ? null
                    : url.protocols().isEmpty() ? "must be a valid URL"
                    : "must be a valid URL starting with " + String.join(", ", url.protocols().stream()
                            .map(p -> p + "://").toList());
            case Rule.Ip ip -> switch (ip.version()) {
                case ANY -> PhpValues.isIpv4(value) || PhpValues.isIpv6(value) ? null : "must be a valid IP address";
                case V4 -> PhpValues.isIpv4(value) ? null : "must be a valid IPv4 address";
                case V6 -> PhpValues.isIpv6(value) ? null : "must be a valid IPv6 address";
            };
            case Rule.Affix affix -> affixFailure(affix, value);
            case Rule.Json json -> PhpValues.isJson(value) ? null : "must be valid JSON";
            case Rule.Email email -> PhpValues.isEmail(value) ? null : "must be a valid email address";
            case Rule.Uuid uuid -> PhpValues.isUuid(value) ? null : "must be a valid UUID";
            case Rule.Ulid ulid -> PhpValues.isUlid(value) ? null : "must be a valid ULID";
            case Rule.Lowercase l -> value.equals(value.toLowerCase(Locale.ROOT)) ? null : "must be lower case";
            case Rule.Uppercase u -> value.equals(value.toUpperCase(Locale.ROOT)) ? null : "must be upper case";
            case Rule.Ascii a -> PhpValues.isAscii(value) ? null : "must contain only ASCII characters";
            case Rule.HexColor h -> PhpValues.isHexColor(value) ? null : "must be a hexadecimal colour such as #ff8800";
            case Rule.MacAddress m -> PhpValues.isMacAddress(value) ? null : "must be a valid MAC address";
            case Rule.Regex regex -> regexFailure(regex, value);
            case Rule.Unknown unknown -> null;
        };
    }

    private static @Nullable String comparisonFailure(Rule.Comparison comparison, String value, boolean numbers) {
        // Laravel: against a number, a non-numeric value always fails.
        if (!PhpValues.isNumeric(value)) {
            return "must be a number " + comparisonWords(comparison.operator()) + " " + plain(comparison.limit());
        }
        int order = size(value, numbers).compareTo(comparison.limit());
        boolean passes = switch (comparison.operator()) {
            case GT -> order > 0;
            case GTE -> order >= 0;
            case LT -> order < 0;
            case LTE -> order <= 0;
        };
        if (passes) {
            return null;
        }
        return numbers
                ? "must be " + comparisonWords(comparison.operator()) + " " + plain(comparison.limit())
                : "must be " + lengthWords(comparison.operator()) + " " + characters(comparison.limit());
    }

    private static String comparisonWords(Rule.Comparison.Operator operator) {
        return switch (operator) {
            case GT -> "greater than";
            case GTE -> "greater than or equal to";
            case LT -> "less than";
            case LTE -> "less than or equal to";
        };
    }

    private static String lengthWords(Rule.Comparison.Operator operator) {
        return switch (operator) {
            case GT -> "longer than";
            case GTE -> "at least";
            case LT -> "shorter than";
            case LTE -> "at most";
        };
    }

    private static @Nullable String affixFailure(Rule.Affix affix, String value) {
        boolean matches = affix.values().stream().anyMatch(v ->
                affix.end() == Rule.Affix.End.START ? value.startsWith(v) : value.endsWith(v));
        if (matches != affix.negated()) {
            return null;
        }
        String verb = affix.end() == Rule.Affix.End.START ? "start with" : "end with";
        return (affix.negated() ? "must not " : "must ") + verb + " " + (affix.values().size() == 1 ? ""
                : "one of: ") + affix.values().stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }

    private static @Nullable String regexFailure(Rule.Regex regex, String value) {
        PhpRegex pattern = regex.pattern();
        if (!pattern.isValid()) {
            return null;
        }
        try {
            boolean found = pattern.find(value);
            if (found != regex.negated()) {
                return null;
            }
            return regex.negated()
                    ? "has an invalid format (it must not match " + pattern.source() + ")"
                    : "has an invalid format (it must match " + pattern.source() + ")";
        } catch (PhpRegex.TooComplexException e) {
            return "cannot be checked against " + pattern.source() + " (the match takes too long)";
        }
    }

    /** Laravel's getSize(): the number itself under a numeric rule, else the length in characters. */
    private static BigDecimal size(String value, boolean numbers) {
        if (numbers) {
            var number = PhpValues.number(value);
            if (number.isPresent()) {
                return number.get();
            }
        }
        return BigDecimal.valueOf(PhpValues.length(value));
    }

    private static boolean sizeMeaning(String value, boolean numbers) {
        return numbers && PhpValues.isNumeric(value);
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String characters(BigDecimal count) {
        return plain(count) + (count.compareTo(BigDecimal.ONE) == 0 ? " character" : " characters");
    }

    private static String listed(List<String> values) {
        String shown = values.stream().limit(LISTED_VALUES)
                .map(v -> v.isEmpty() ? "(empty)" : v)
                .collect(Collectors.joining(", "));
        return values.size() > LISTED_VALUES ? shown + ", ... (" + values.size() + " values)" : shown;
    }
}
