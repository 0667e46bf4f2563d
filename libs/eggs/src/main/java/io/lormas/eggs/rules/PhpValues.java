package io.lormas.eggs.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What PHP and Laravel mean by "numeric", "integer", "an IP address"... for a string value, so that a
 * variable accepted by Pterodactyl or Pelican is accepted here and the other way round.
 */
final class PhpValues {

    // is_numeric() since PHP 8: optional leading and trailing whitespace, decimal or exponent form.
    private static final Pattern NUMERIC = Pattern.compile(
            "[ \\t\\n\\r\\x0B\\f]*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)[ \\t\\n\\r\\x0B\\f]*");
    // filter_var(FILTER_VALIDATE_INT) after its own trimming: no leading zeros.
    private static final Pattern INTEGER = Pattern.compile("[+-]?(?:0|[1-9]\\d*)");
    private static final Pattern IPV4 = Pattern.compile(
            "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    // Laravel's url rule lists every IANA scheme; any well-formed scheme is accepted here.
    private static final Pattern URL = Pattern.compile(
            "([a-zA-Z][a-zA-Z0-9+.-]*)://(?:[^\\s/?#@]+@)?"
                    + "(?:\\[[0-9a-fA-F:.]+]|" + LABEL + "(?:\\." + LABEL + ")*\\.?)"
                    + "(?::\\d{1,5})?(?:[/?#]\\S*)?");
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*@"
                    + "(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9a-fA-F:.]+])");
    private static final Pattern UUID = Pattern.compile(
            "[\\da-fA-F]{8}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{12}");
    private static final Pattern ULID = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}");
    private static final Pattern HEX_COLOR = Pattern.compile(
            "#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");
    private static final Pattern MAC = Pattern.compile(
            "[0-9a-fA-F]{2}(?:-[0-9a-fA-F]{2}){5}|[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}"
                    + "|[0-9a-fA-F]{4}(?:\\.[0-9a-fA-F]{4}){2}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern ALPHA = Pattern.compile("[\\p{L}\\p{M}]+");
    private static final Pattern ALPHA_ASCII = Pattern.compile("[a-zA-Z]+");
    private static final Pattern ALPHA_DASH = Pattern.compile("[\\p{L}\\p{M}\\p{N}_-]+");
    private static final Pattern ALPHA_DASH_ASCII = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern ALPHA_NUM = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern ALPHA_NUM_ASCII = Pattern.compile("[a-zA-Z0-9]+");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PhpValues() {
    }

    /** PHP's {@code trim()} with its default character list. */
    static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isTrimmed(value.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmed(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0 || c == 0x0B;
    }

    /** Laravel's notion of an empty value: missing, or only whitespace. */
    static boolean isEmpty(String value) {
        return value == null || trim(value).isEmpty();
    }

    /** The number a numeric string stands for, like PHP's {@code is_numeric()}. */
    static Optional<BigDecimal> number(String value) {
        var matcher = NUMERIC.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String text = matcher.group(1);
        // BigDecimal rejects "5." and "+.5": normalise to what it reads.
        text = text.replace(".e", "e").replace(".E", "E");
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty(); // exponent beyond BigDecimal: PHP would say INF
        }
    }

    static boolean isNumeric(String value) {
        return number(value).isPresent();
    }

    /** {@code filter_var($value, FILTER_VALIDATE_INT) !== false}. */
    static boolean isInteger(String value) {
        String trimmed = value.strip();
        if (!INTEGER.matcher(trimmed).matches()) {
            return false;
        }
        try {
            Long.parseLong(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** PHP 8's {@code ==} between two strings: numeric strings compare as numbers. */
    static boolean looselyEqual(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Optional<BigDecimal> left = number(a);
        Optional<BigDecimal> right = number(b);
        return left.isPresent() && right.isPresent() && left.get().compareTo(right.get()) == 0;
    }

    /** {@code mb_strlen()}: characters, not UTF-16 units. */
    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    static boolean isDigits(String value) {
        return DIGITS.matcher(value).matches();
    }

    static boolean isIpv4(String value) {
        return IPV4.matcher(value).matches();
    }

    /** {@code FILTER_VALIDATE_IP} with {@code FILTER_FLAG_IPV6}: no zone index, at most one {@code ::}. */
    static boolean isIpv6(String value) {
        String text = value;
        int embeddedGroups = 0;
        int lastColon = text.lastIndexOf(':');
        if (lastColon < 0) {
            return false;
        }
        String last = text.substring(lastColon + 1);
        if (last.contains(".")) {
            if (!isIpv4(last)) {
                return false;
            }
            embeddedGroups = 2;
            text = text.substring(0, lastColon + 1);
            if (!text.endsWith("::")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            return false;
        }
        List<String> parts = new ArrayList<>();
        if (compression >= 0) {
            String head = text.substring(0, compression);
            String tail = text.substring(compression + 2);
            if (!head.isEmpty()) {
                parts.addAll(List.of(head.split(":", -1)));
            }
            if (!tail.isEmpty()) {
                parts.addAll(List.of(tail.split(":", -1)));
            }
        } else {
            parts.addAll(List.of(text.split(":", -1)));
        }
        for (String part : parts) {
            if (!HEX_GROUP.matcher(part).matches()) {
                return false;
            }
        }
        int groups = parts.size() + embeddedGroups;
        return compression >= 0 ? groups <= 7 : groups == 8;
    }

    static boolean isUrl(String value, List<String> protocols) {
        var matcher = URL.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        return protocols.isEmpty() || protocols.contains(matcher.group(1).toLowerCase(Locale.ROOT));
    }

    static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    static boolean isJson(String value) {
        try {
            JSON.readTree(value);
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    static boolean isUuid(String value) {
        return UUID.matcher(value).matches();
    }

    static boolean isUlid(String value) {
        return ULID.matcher(value).matches();
    }

    static boolean isHexColor(String value) {
        return HEX_COLOR.matcher(value).matches();
    }

    static boolean isMacAddress(String value) {
        return MAC.matcher(value).matches();
    }

    static boolean isAlpha(String value, boolean asciiOnly) {
        return (asciiOnly ? ALPHA_ASCII : ALPHA).matcher(value).matches();
    }

    static boolean isAlphaDash(String value, boolean asciiOnly) {
        return (asciiOnly ? ALPHA_DASH_ASCII : ALPHA_DASH).matcher(value).matches();
    }

    static boolean isAlphaNum(String value, boolean asciiOnly) {
        return (asciiOnly ? ALPHA_NUM_ASCII : ALPHA_NUM).matcher(value).matches();
    }

    static boolean isAscii(String value) {
        return value.chars().allMatch(c -> c < 128);
    }
}
