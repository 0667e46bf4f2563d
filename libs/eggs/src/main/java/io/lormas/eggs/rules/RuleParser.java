package io.lormas.eggs.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Splits Laravel rule strings and turns each token into a {@link Rule}, noting oddities as problems. */
final class RuleParser {

    private RuleParser() {
    }

    /**
     * Splits a pipe-separated rule string like Laravel, except that a {@code regex:}/{@code not_regex:}
     * token ends at its closing delimiter and modifiers, so {@code regex:/^(a|b)$/|max:5} keeps its
     * {@code |}. (Laravel keeps a regex whole only when it is the first rule.)
     */
    static List<String> split(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = tokenEnd(text, start);
            tokens.add(text.substring(start, end));
            if (end >= text.length()) {
                return tokens;
            }
            start = end + 1;
        }
    }

    private static int tokenEnd(String text, int start) {
        int pipe = text.indexOf('|', start);
        int naive = pipe < 0 ? text.length() : pipe;
        int colon = text.indexOf(':', start);
        if (colon < 0 || colon > naive || !isRegexRule(text.substring(start, colon))) {
            return naive;
        }
        int delimiter = colon + 1;
        while (delimiter < text.length() && Character.isWhitespace(text.charAt(delimiter))) {
            delimiter++;
        }
        if (delimiter >= text.length() || !PhpRegex.isDelimiter(text.charAt(delimiter))) {
            return naive;
        }
        int close = PhpRegex.endDelimiter(text, delimiter);
        if (close < 0) {
            return naive;
        }
        int end = close + 1;
        while (end < text.length() && PhpRegex.isModifier(text.charAt(end))) {
            end++;
        }
        return end == text.length() || text.charAt(end) == '|' ? end : naive;
    }

    private static boolean isRegexRule(String name) {
        String normalised = name.strip().toLowerCase(Locale.ROOT);
        return normalised.equals("regex") || normalised.equals("not_regex") || normalised.equals("notregex");
    }

    /** The rule one token stands for, or null for an empty token; oddities go to {@code problems}. */
    static @Nullable Rule parse(String token, List<String> problems) {
        if (token.isBlank()) {
            problems.add("an empty rule (a stray '|' or an empty item) is ignored");
            return null;
        }
        int colon = token.indexOf(':');
        String name = (colon < 0 ? token : token.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String rawParameters = colon < 0 ? "" : token.substring(colon + 1);
        if (isRegexRule(name)) {
            PhpRegex regex = PhpRegex.parse(rawParameters);
            regex.problem().ifPresent(problem -> problems.add("'" + token + "' cannot be checked (" + problem
                    + "); it is kept as written and values are not checked against it"));
            return new Rule.Regex(regex, !name.equals("regex"));
        }
        List<String> parameters = colon < 0 ? List.of() : csv(rawParameters);
        return switch (name) {
            case "required" -> noParameter(token, colon, new Rule.Required(), problems);
            case "present" -> noParameter(token, colon, new Rule.Present(), problems);
            case "filled" -> noParameter(token, colon, new Rule.Filled(), problems);
            case "accepted" -> noParameter(token, colon, new Rule.Accepted(), problems);
            case "declined" -> noParameter(token, colon, new Rule.Declined(), problems);
            case "nullable" -> noParameter(token, colon, new Rule.Nullable(), problems);
            case "sometimes" -> noParameter(token, colon, new Rule.Sometimes(), problems);
            case "bail" -> noParameter(token, colon, new Rule.Bail(), problems);
            case "string" -> noParameter(token, colon, new Rule.StringType(), problems);
            case "integer", "int" -> noParameter(token, colon, new Rule.IntegerType(), problems);
            case "numeric" -> noParameter(token, colon, new Rule.NumericType(), problems);
            case "boolean", "bool" -> noParameter(token, colon, new Rule.BooleanType(), problems);
            case "json" -> noParameter(token, colon, new Rule.Json(), problems);
            case "email" -> new Rule.Email(); // parameters choose Laravel validators (rfc, dns...): one check here
            case "uuid" -> noParameter(token, colon, new Rule.Uuid(), problems);
            case "ulid" -> noParameter(token, colon, new Rule.Ulid(), problems);
            case "lowercase" -> noParameter(token, colon, new Rule.Lowercase(), problems);
            case "uppercase" -> noParameter(token, colon, new Rule.Uppercase(), problems);
            case "ascii" -> noParameter(token, colon, new Rule.Ascii(), problems);
            case "hex_color" -> noParameter(token, colon, new Rule.HexColor(), problems);
            case "mac_address" -> noParameter(token, colon, new Rule.MacAddress(), problems);
            case "ip" -> noParameter(token, colon, new Rule.Ip(Rule.Ip.Version.ANY), problems);
            case "ipv4" -> noParameter(token, colon, new Rule.Ip(Rule.Ip.Version.V4), problems);
            case "ipv6" -> noParameter(token, colon, new Rule.Ip(Rule.Ip.Version.V6), problems);
            case "url" -> new Rule.Url(parameters.stream().map(p -> p.strip().toLowerCase(Locale.ROOT))
                    .filter(p -> !p.isEmpty()).toList());
            case "alpha" -> new Rule.Alpha(isAscii(parameters));
            case "alpha_dash" -> new Rule.AlphaDash(isAscii(parameters));
            case "alpha_num" -> new Rule.AlphaNum(isAscii(parameters));
            case "in" -> values(token, parameters, problems).<Rule>map(Rule.In::new)
                    .orElseGet(() -> unknown(token, "in needs a list of values, e.g. in:a,b", problems));
            case "not_in" -> values(token, parameters, problems).<Rule>map(Rule.NotIn::new)
                    .orElseGet(() -> unknown(token, "not_in needs a list of values, e.g. not_in:a,b", problems));
            case "starts_with", "ends_with", "doesnt_start_with", "doesnt_end_with" ->
                    affix(token, name, parameters, problems);
            case "min" -> number(parameters, 0).<Rule>map(Rule.Min::new)
                    .orElseGet(() -> unknown(token, "min needs a number, e.g. min:1", problems));
            case "max" -> number(parameters, 0).<Rule>map(Rule.Max::new)
                    .orElseGet(() -> unknown(token, "max needs a number, e.g. max:20", problems));
            case "size" -> number(parameters, 0).<Rule>map(Rule.Size::new)
                    .orElseGet(() -> unknown(token, "size needs a number, e.g. size:32", problems));
            case "between" -> between(token, parameters, problems);
            case "gt", "gte", "lt", "lte" -> comparison(token, name, parameters, problems);
            case "digits" -> wholeNumber(parameters, 0).<Rule>map(Rule.Digits::new)
                    .orElseGet(() -> unknown(token, "digits needs a whole number, e.g. digits:4", problems));
            case "digits_between" -> digitsBetween(token, parameters, problems);
            default -> unknown(token, "'" + name + "' is not a rule Lormas knows", problems);
        };
    }

    private static Rule noParameter(String token, int colon, Rule rule, List<String> problems) {
        if (colon >= 0) {
            problems.add("'" + token + "': " + rule.name() + " takes no parameter, '"
                    + token.substring(colon) + "' is ignored");
        }
        return rule;
    }

    private static Rule unknown(String token, String reason, List<String> problems) {
        problems.add("'" + token + "' is kept as written but not checked: " + reason);
        return new Rule.Unknown(token, reason);
    }

    private static boolean isAscii(List<String> parameters) {
        return parameters.stream().anyMatch(p -> p.strip().equalsIgnoreCase("ascii"));
    }

    private static Optional<List<String>> values(String token, List<String> parameters, List<String> problems) {
        if (parameters.isEmpty()) {
            return Optional.empty();
        }
        for (String value : parameters) {
            if (!value.equals(value.strip())) {
                problems.add("'" + token + "': item '" + value
                        + "' has surrounding spaces, and a value must match it exactly");
            }
        }
        return Optional.of(parameters);
    }

    private static Rule affix(String token, String name, List<String> parameters, List<String> problems) {
        List<String> values = parameters.stream().filter(p -> !p.isEmpty()).toList();
        if (values.isEmpty()) {
            return unknown(token, name + " needs at least one value", problems);
        }
        Rule.Affix.End end = name.contains("start") ? Rule.Affix.End.START : Rule.Affix.End.END;
        return new Rule.Affix(end, name.startsWith("doesnt_"), values);
    }

    private static Rule between(String token, List<String> parameters, List<String> problems) {
        Optional<BigDecimal> min = number(parameters, 0);
        Optional<BigDecimal> max = number(parameters, 1);
        if (min.isEmpty() || max.isEmpty()) {
            return unknown(token, "between needs two numbers, e.g. between:1,100", problems);
        }
        return new Rule.Between(min.get(), max.get());
    }

    private static Rule digitsBetween(String token, List<String> parameters, List<String> problems) {
        Optional<Integer> min = wholeNumber(parameters, 0);
        Optional<Integer> max = wholeNumber(parameters, 1);
        if (min.isEmpty() || max.isEmpty()) {
            return unknown(token, "digits_between needs two whole numbers, e.g. digits_between:1,5", problems);
        }
        return new Rule.DigitsBetween(min.get(), max.get());
    }

    private static Rule comparison(String token, String name, List<String> parameters, List<String> problems) {
        Optional<BigDecimal> limit = number(parameters, 0);
        if (limit.isEmpty()) {
            // Laravel reads a non-numeric parameter as the name of another request field.
            return unknown(token, name + " compares with another field, which an egg variable cannot do; "
                    + "use a number, e.g. " + name + ":0", problems);
        }
        return new Rule.Comparison(Rule.Comparison.Operator.valueOf(name.toUpperCase(Locale.ROOT)), limit.get());
    }

    private static Optional<BigDecimal> number(List<String> parameters, int index) {
        return index < parameters.size() ? PhpValues.number(parameters.get(index)) : Optional.empty();
    }

    private static Optional<Integer> wholeNumber(List<String> parameters, int index) {
        if (index >= parameters.size() || !PhpValues.isInteger(parameters.get(index))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(parameters.get(index).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * PHP's {@code str_getcsv()}, which Laravel applies to every rule parameter except regexes: a
     * comma separates items, double quotes protect commas, spaces are kept.
     */
    static List<String> csv(String text) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        int i = 0;
        boolean itemStart = true;
        while (i <= text.length()) {
            if (i == text.length()) {
                items.add(item.toString());
                break;
            }
            char c = text.charAt(i);
            if (itemStart && c == '"') {
                i++;
                while (i < text.length()) {
                    char q = text.charAt(i);
                    if (q == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        item.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        item.append(q);
                        i++;
                    }
                }
                itemStart = false;
                continue;
            }
            if (c == ',') {
                items.add(item.toString());
                item.setLength(0);
                itemStart = true;
            } else {
                item.append(c);
                itemStart = false;
            }
            i++;
        }
        return items;
    }
}
