package io.lormas.eggs.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rewrites a PCRE pattern body (no delimiters) into an equivalent {@link java.util.regex} pattern.
 *
 * <p>Where the two dialects read the same text differently, PCRE wins: a {@code [} or {@code &&}
 * inside a character class is literal, a {@code -} next to a class escape or after a range is
 * literal, a {@code {} that does not start a quantifier is literal, {@code (?#...)} is a comment,
 * POSIX classes {@code [:alpha:]} exist, group names may contain underscores, {@code \N} is "not a
 * newline", {@code \g} and {@code \k} back references take several spellings. Features Java cannot
 * express raise {@link UnsupportedPcre}.
 */
final class PcreTranslator {

    private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");
    private static final Pattern JAVA_GROUP_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"),
            Map.entry("ascii", "\\p{ASCII}"), Map.entry("blank", "\\p{Blank}"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"),
            Map.entry("print", "\\p{Print}"), Map.entry("punct", "\\p{Punct}"),
            Map.entry("space", "\\p{Space}"), Map.entry("upper", "\\p{Upper}"),
            Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));

    private final String in;
    private final boolean dollarEndOnly;
    private boolean extended;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> groupNames = new HashMap<>();
    private int pos;
    private int capturingGroups;

    private PcreTranslator(String in, boolean extended, boolean dollarEndOnly) {
        this.in = in;
        this.extended = extended;
        this.dollarEndOnly = dollarEndOnly;
    }

    static String translate(String pcre, boolean extended, boolean dollarEndOnly) throws UnsupportedPcre {
        return new PcreTranslator(pcre, extended, dollarEndOnly).run();
    }

    private String run() throws UnsupportedPcre {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            switch (c) {
                case '\\' -> escape();
                case '[' -> characterClass();
                case '(' -> group();
                case '{' -> brace();
                case '$' -> {
                    out.append(dollarEndOnly ? "\\z" : "$");
                    pos++;
                }
                case '#' -> {
                    if (extended) {
                        comment();
                    } else {
                        out.append('#');
                        pos++;
                    }
                }
                default -> {
                    out.append(c);
                    pos++;
                }
            }
        }
        return out.toString();
    }

    private void comment() {
        int end = in.indexOf('\n', pos);
        end = end < 0 ? in.length() : end;
        out.append(in, pos, end);
        pos = end;
    }

    private void brace() {
        var matcher = QUANTIFIER.matcher(in).region(pos, in.length());
        if (matcher.lookingAt()) {
            out.append(matcher.group());
            pos = matcher.end();
        } else {
            out.append("\\{");
            pos++;
        }
    }

    private void escape() throws UnsupportedPcre {
        if (pos + 1 >= in.length()) {
            throw new UnsupportedPcre("the pattern ends with a lone backslash");
        }
        char e = in.charAt(pos + 1);
        switch (e) {
            case 'Q' -> out.append(quoted());
            case 'E' -> pos += 2;
            case 'x' -> out.append(hexEscape());
            case 'o' -> out.append(octalBraces());
            case 'N' -> {
                if (pos + 2 < in.length() && in.charAt(pos + 2) == '{') {
                    throw new UnsupportedPcre("\\N{...} is not supported");
                }
                out.append("[^\\n]");
                pos += 2;
            }
            case 'g' -> backReferenceG();
            case 'k' -> backReferenceK();
            case 'K' -> throw new UnsupportedPcre("\\K (reset match start) has no Java equivalent");
            case 'C' -> throw new UnsupportedPcre("\\C (single code unit) has no Java equivalent");
            case 'p', 'P' -> out.append(property());
            case 'c' -> {
                int end = Math.min(pos + 3, in.length());
                out.append(in, pos, end);
                pos = end;
            }
            default -> {
                out.append('\\').append(e);
                pos += 2;
            }
        }
    }

    /** {@code \Q...\E}: a literal run, which must not be parsed as pattern syntax. */
    private String quoted() {
        int start = pos + 2;
        int end = in.indexOf("\\E", start);
        String literal = end < 0 ? in.substring(start) : in.substring(start, end);
        pos = end < 0 ? in.length() : end + 2;
        return literal.isEmpty() ? "" : Pattern.quote(literal);
    }

    private String hexEscape() throws UnsupportedPcre {
        int start = pos + 2;
        if (start < in.length() && in.charAt(start) == '{') {
            int close = in.indexOf('}', start);
            if (close < 0) {
                throw new UnsupportedPcre("\\x{ without a closing brace");
            }
            pos = close + 1;
            return in.substring(start - 2, close + 1);
        }
        int end = start;
        while (end < in.length() && end < start + 2 && Character.digit(in.charAt(end), 16) >= 0) {
            end++;
        }
        pos = end;
        // PCRE accepts zero or one hex digit after \x; Java wants exactly two.
        String digits = in.substring(start, end);
        return "\\x" + "00".substring(digits.length()) + digits;
    }

    private String octalBraces() throws UnsupportedPcre {
        int start = pos + 2;
        int close = start < in.length() && in.charAt(start) == '{' ? in.indexOf('}', start) : -1;
        if (close < 0) {
            throw new UnsupportedPcre("\\o must be followed by {octal digits}");
        }
        try {
            int codePoint = Integer.parseInt(in.substring(start + 1, close), 8);
            pos = close + 1;
            return "\\x{" + Integer.toHexString(codePoint) + "}";
        } catch (NumberFormatException e) {
            throw new UnsupportedPcre("\\o{...} holds no octal number");
        }
    }

    private String property() {
        int start = pos;
        int end;
        if (pos + 2 < in.length() && in.charAt(pos + 2) == '{') {
            int close = in.indexOf('}', pos + 2);
            end = close < 0 ? in.length() : close + 1;
        } else {
            end = Math.min(pos + 3, in.length());
        }
        pos = end;
        String text = in.substring(start, end);
        // PCRE negates with \p{^L}; Java with \P{L}.
        if (text.startsWith("\\p{^")) {
            return "\\P{" + text.substring(4);
        }
        if (text.startsWith("\\P{^")) {
            return "\\p{" + text.substring(4);
        }
        return text;
    }

    private void backReferenceG() throws UnsupportedPcre {
        int start = pos + 2;
        if (start >= in.length()) {
            throw new UnsupportedPcre("\\g without a group reference");
        }
        char c = in.charAt(start);
        String reference;
        if (c == '{') {
            int close = in.indexOf('}', start);
            if (close < 0) {
                throw new UnsupportedPcre("\\g{ without a closing brace");
            }
            reference = in.substring(start + 1, close);
            pos = close + 1;
        } else if (c == '<' || c == '\'') {
            throw new UnsupportedPcre("subroutine calls (\\g<...>) are not supported");
        } else {
            int end = start;
            if (end < in.length() && (in.charAt(end) == '-' || in.charAt(end) == '+')) {
                end++;
            }
            while (end < in.length() && Character.isDigit(in.charAt(end))) {
                end++;
            }
            reference = in.substring(start, end);
            pos = end;
        }
        if (reference.matches("-\\d+")) {
            int absolute = capturingGroups - Integer.parseInt(reference.substring(1)) + 1;
            if (absolute < 1) {
                throw new UnsupportedPcre("\\g" + reference + " refers to a group that does not exist");
            }
            out.append("(?:\\").append(absolute).append(')');
        } else if (reference.matches("\\d+")) {
            out.append("(?:\\").append(Integer.parseInt(reference)).append(')');
        } else if (!reference.isEmpty() && !reference.startsWith("+")) {
            out.append("\\k<").append(javaGroupName(reference)).append('>');
        } else {
            throw new UnsupportedPcre("\\g" + reference + " is not supported");
        }
    }

    private void backReferenceK() throws UnsupportedPcre {
        int start = pos + 2;
        if (start >= in.length()) {
            throw new UnsupportedPcre("\\k without a group name");
        }
        char open = in.charAt(start);
        char close = switch (open) {
            case '<' -> '>';
            case '\'' -> '\'';
            case '{' -> '}';
            default -> throw new UnsupportedPcre("\\k must be followed by <name>, 'name' or {name}");
        };
        int end = in.indexOf(close, start + 1);
        if (end < 0) {
            throw new UnsupportedPcre("\\k" + open + " without its closing " + close);
        }
        out.append("\\k<").append(javaGroupName(in.substring(start + 1, end))).append('>');
        pos = end + 1;
    }

    private void group() throws UnsupportedPcre {
        if (in.startsWith("(?#", pos)) {
            int close = in.indexOf(')', pos);
            if (close < 0) {
                throw new UnsupportedPcre("comment (?# is not closed");
            }
            pos = close + 1;
            return;
        }
        if (in.startsWith("(*", pos)) {
            throw new UnsupportedPcre("PCRE verbs such as (*...) are not supported");
        }
        if (!in.startsWith("(?", pos)) {
            capturingGroups++;
            out.append('(');
            pos++;
            return;
        }
        char kind = pos + 2 < in.length() ? in.charAt(pos + 2) : ')';
        switch (kind) {
            case ':', '=', '!', '>' -> {
                out.append(in, pos, pos + 3);
                pos += 3;
            }
            case '<' -> {
                char next = pos + 3 < in.length() ? in.charAt(pos + 3) : ')';
                if (next == '=' || next == '!') {
                    out.append(in, pos, pos + 4);
                    pos += 4;
                } else {
                    namedGroup(pos + 3, '>');
                }
            }
            case '\'' -> namedGroup(pos + 3, '\'');
            case 'P' -> {
                char next = pos + 3 < in.length() ? in.charAt(pos + 3) : ')';
                if (next == '<') {
                    namedGroup(pos + 4, '>');
                } else if (next == '=') {
                    int close = in.indexOf(')', pos);
                    if (close < 0) {
                        throw new UnsupportedPcre("(?P= is not closed");
                    }
                    out.append("\\k<").append(javaGroupName(in.substring(pos + 4, close))).append('>');
                    pos = close + 1;
                } else {
                    throw new UnsupportedPcre("subroutine calls (?P>...) are not supported");
                }
            }
            case '|' -> throw new UnsupportedPcre("branch reset groups (?|...) are not supported");
            case '(' -> throw new UnsupportedPcre("conditional groups (?(...)...) are not supported");
            case 'C' -> throw new UnsupportedPcre("callouts (?C...) are not supported");
            case 'R', '&', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' ->
                    throw new UnsupportedPcre("recursion and subroutine calls are not supported");
            default -> inlineFlags();
        }
    }

    private void namedGroup(int nameStart, char terminator) throws UnsupportedPcre {
        int end = in.indexOf(terminator, nameStart);
        if (end < 0) {
            throw new UnsupportedPcre("group name is not terminated by " + terminator);
        }
        capturingGroups++;
        out.append("(?<").append(javaGroupName(in.substring(nameStart, end))).append('>');
        pos = end + 1;
    }

    /** {@code (?i)}, {@code (?im-sx)}, {@code (?i:...)}: keep what Java means the same way. */
    private void inlineFlags() throws UnsupportedPcre {
        int i = pos + 2;
        StringBuilder kept = new StringBuilder();
        boolean negative = false;
        while (i < in.length() && in.charAt(i) != ')' && in.charAt(i) != ':') {
            char flag = in.charAt(i);
            switch (flag) {
                case 'i', 'm', 's' -> kept.append(flag);
                case 'x' -> {
                    kept.append(flag);
                    extended = !negative;
                }
                case '-' -> {
                    negative = true;
                    kept.append(flag);
                }
                case 'n', 'J', 'U', 'X' -> { } // no influence on whether a match exists
                case '^' -> throw new UnsupportedPcre("(?^) flag reset is not supported");
                default -> throw new UnsupportedPcre("unknown group syntax (?" + flag);
            }
            i++;
        }
        if (i >= in.length()) {
            throw new UnsupportedPcre("group (? is not closed");
        }
        String flags = kept.toString().endsWith("-") ? kept.substring(0, kept.length() - 1) : kept.toString();
        if (in.charAt(i) == ':') {
            out.append("(?").append(flags).append(':');
        } else if (!flags.isEmpty()) {
            out.append("(?").append(flags).append(')');
        }
        pos = i + 1;
    }

    private String javaGroupName(String pcreName) throws UnsupportedPcre {
        if (pcreName.isEmpty()) {
            throw new UnsupportedPcre("empty group name");
        }
        String known = groupNames.get(pcreName);
        if (known != null) {
            return known;
        }
        String name = JAVA_GROUP_NAME.matcher(pcreName).matches() && !groupNames.containsValue(pcreName)
                ? pcreName
                : "g" + (groupNames.size() + 1) + pcreName.replaceAll("[^a-zA-Z0-9]", "");
        groupNames.put(pcreName, name);
        return name;
    }

    // ---- character classes -------------------------------------------------------------------

    private enum ItemKind { CHAR, SET, HYPHEN }

    private record Item(ItemKind kind, String text) { }

    private void characterClass() throws UnsupportedPcre {
        pos++;
        out.append('[');
        if (pos < in.length() && in.charAt(pos) == '^') {
            out.append('^');
            pos++;
        }
        List<Item> items = new ArrayList<>();
        boolean first = true;
        while (true) {
            if (pos >= in.length()) {
                throw new UnsupportedPcre("missing ] at the end of a character class");
            }
            char c = in.charAt(pos);
            if (c == ']' && !first) {
                pos++;
                break;
            }
            if (c == '[' && in.startsWith("[:", pos)) {
                items.add(posixClass());
            } else if (c == '[' && (in.startsWith("[.", pos) || in.startsWith("[=", pos))) {
                throw new UnsupportedPcre("POSIX collating elements are not supported");
            } else if (c == '\\') {
                classEscape(items);
            } else if (c == '-') {
                items.add(new Item(ItemKind.HYPHEN, "-"));
                pos++;
            } else {
                int codePoint = in.codePointAt(pos);
                items.add(new Item(ItemKind.CHAR, literal(codePoint)));
                pos += Character.charCount(codePoint);
            }
            first = false;
        }
        boolean[] rangeEnd = new boolean[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.kind() != ItemKind.HYPHEN) {
                out.append(item.text());
                continue;
            }
            boolean range = i > 0 && items.get(i - 1).kind() == ItemKind.CHAR && !rangeEnd[i - 1]
                    && i + 1 < items.size() && items.get(i + 1).kind() == ItemKind.CHAR;
            if (range) {
                out.append('-');
                rangeEnd[i + 1] = true;
            } else {
                out.append("\\-");
            }
        }
        out.append(']');
    }

    private Item posixClass() throws UnsupportedPcre {
        int close = in.indexOf(":]", pos + 2);
        if (close < 0) {
            // Not a POSIX class after all: PCRE reads a literal '['.
            pos++;
            return new Item(ItemKind.CHAR, "\\[");
        }
        String name = in.substring(pos + 2, close);
        boolean negated = name.startsWith("^");
        String java = POSIX_CLASSES.get(negated ? name.substring(1) : name);
        if (java == null) {
            throw new UnsupportedPcre("unknown POSIX class [:" + name + ":]");
        }
        pos = close + 2;
        if (negated) {
            java = java.equals("\\w") ? "\\W" : "\\P" + java.substring(2);
        }
        return new Item(ItemKind.SET, java);
    }

    private void classEscape(List<Item> items) throws UnsupportedPcre {
        if (pos + 1 >= in.length()) {
            throw new UnsupportedPcre("the pattern ends with a lone backslash");
        }
        char e = in.charAt(pos + 1);
        switch (e) {
            case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V' -> {
                items.add(new Item(ItemKind.SET, "\\" + e));
                pos += 2;
            }
            case 'p', 'P' -> items.add(new Item(ItemKind.SET, property()));
            case 'b' -> {
                items.add(new Item(ItemKind.CHAR, "\\x08"));
                pos += 2;
            }
            case 'x' -> items.add(new Item(ItemKind.CHAR, hexEscape()));
            case 'o' -> items.add(new Item(ItemKind.CHAR, octalBraces()));
            case 'Q' -> {
                int start = pos + 2;
                int end = in.indexOf("\\E", start);
                String literal = end < 0 ? in.substring(start) : in.substring(start, end);
                literal.codePoints().forEach(cp -> items.add(new Item(ItemKind.CHAR, literal(cp))));
                pos = end < 0 ? in.length() : end + 2;
            }
            case 'E' -> pos += 2;
            case 'c' -> {
                int end = Math.min(pos + 3, in.length());
                items.add(new Item(ItemKind.CHAR, in.substring(pos, end)));
                pos = end;
            }
            case 'N', 'R', 'X', 'B', 'K', 'g', 'k' ->
                    throw new UnsupportedPcre("\\" + e + " is not allowed inside a character class");
            default -> {
                items.add(new Item(ItemKind.CHAR, "\\" + e));
                pos += 2;
            }
        }
    }

    /** One literal code point inside a class, escaped where Java would read it as syntax. */
    private static String literal(int codePoint) {
        if ("[]&\\^-#".indexOf(codePoint) >= 0) {
            return "\\" + (char) codePoint;
        }
        if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
            return "\\x{" + Integer.toHexString(codePoint).toLowerCase(Locale.ROOT) + "}";
        }
        return new String(Character.toChars(codePoint));
    }

    /** A PCRE construct Java cannot express. */
    static final class UnsupportedPcre extends Exception {
        UnsupportedPcre(String message) {
            super(message, null, false, false);
        }
    }
}
