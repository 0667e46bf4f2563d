package io.lormas.eggs.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Regexes from real eggs (see corpus RULES.md) and PCRE/Java differences. */
class PhpRegexTest {

    private static PhpRegex regex(String source) {
        PhpRegex regex = PhpRegex.parse(source);
        assertThat(regex.problem()).as("problem of " + source).isEmpty();
        return regex;
    }

    @Test
    void matchesTheCommonJarFileRule() {
        PhpRegex jar = regex("/^([\\w\\d._-]+)(\\.jar)$/");

        assertThat(jar.find("server.jar")).isTrue();
        assertThat(jar.find("paper-1.20.4.jar")).isTrue();
        assertThat(jar.find("server.zip")).isFalse();
        assertThat(jar.find("../server.jar")).isFalse();
    }

    @Test
    void keepsARepetitionWithACommaIntact() {
        PhpRegex map = regex("/^(\\w{1,20})$/");

        assertThat(map.find("de_dust2")).isTrue();
        assertThat(map.find("a".repeat(21))).isFalse();
        assertThat(regex("/^([0-9_\\.-]{5,8})$/").find("1.4.230")).isTrue();
    }

    @Test
    void readsEscapedDelimitersInsideTheBody() {
        PhpRegex binary = regex("/^(\\.\\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/");
        PhpRegex home = regex("/^\\/home\\/container(\\/[A-Za-z0-9._-]+)*\\/?$/");

        assertThat(binary.find("./openjkded.i386")).isTrue();
        assertThat(binary.find("/etc/passwd")).isFalse();
        assertThat(home.find("/home/container/base")).isTrue();
        assertThat(home.find("/home/other")).isFalse();
    }

    @Test
    void keepsSpacesInsideThePattern() {
        PhpRegex admins = regex("/^([a-z0-9]{32} ?)*$/");

        assertThat(admins.find("0123456789abcdef0123456789abcdef fedcba9876543210fedcba9876543210")).isTrue();
        assertThat(admins.find("short id")).isFalse();
    }

    @Test
    void acceptsBracketDelimitersAsPcreDoes() {
        PhpRegex modpack = regex("([a-z-0-9]+$)");

        assertThat(modpack.find("ftb-revelation")).isTrue();
        assertThat(modpack.find("FTB")).isFalse();
        assertThat(regex("{^a{2}$}").find("aa")).isTrue();
        assertThat(regex("<^a$>i").find("A")).isTrue();
    }

    @Test
    void rejectsRegexWithStrayCharacterAfterBracketDelimiter() {
        assertThat(PhpRegex.parse("[a-z-0-9]+").problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("unknown modifier '+'"));
    }

    @Test
    void rejectsRegexWithBackslashOrAlphanumericDelimiter() {
        assertThat(PhpRegex.parse("\\d+.\\d+.\\d+").problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("'\\' as a delimiter"));
        assertThat(PhpRegex.parse("latest-stable").problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("'l' as a delimiter"));
    }

    @Test
    void rejectsRegexWithUnbalancedDelimiter() {
        assertThat(PhpRegex.parse("/^abc").problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("no ending delimiter '/'"));
        assertThat(PhpRegex.parse("(a(b)").problem()).isPresent();
    }

    @Test
    void appliesModifiers() {
        assertThat(regex("#^paper$#i").find("PAPER")).isTrue();
        assertThat(regex("/^a.b$/s").find("a\nb")).isTrue();
        assertThat(regex("/^a.b$/").find("a\nb")).isFalse();
        assertThat(regex("/^b$/m").find("a\nb\nc")).isTrue();
        assertThat(regex("/ a b # comment\n/x").find("ab")).isTrue();
        assertThat(regex("/^\\w+$/u").find("grüße")).isTrue();
        assertThat(regex("/^\\w+$/").find("grüße")).isFalse(); // without u, \w is ASCII as in PCRE
        assertThat(regex("/b/A").find("ab")).isFalse();
        assertThat(regex("/a$/").find("a\n")).isTrue();
        assertThat(regex("/a$/D").find("a\n")).isFalse();
        assertThat(regex("/a+?/U").find("aaa")).isTrue();
    }

    @Test
    void treatsPcreLiteralsThatJavaWouldRejectAsLiterals() {
        assertThat(regex("/[[]/").find("[")).isTrue();
        assertThat(regex("/[]a]/").find("]")).isTrue();
        assertThat(regex("/a{/").find("a{")).isTrue();
        assertThat(regex("/[a&&b]/").find("&")).isTrue();
        assertThat(regex("/[\\w-.]+/").find("-")).isTrue();
        assertThat(regex("/^[a-z-_]+$/").find("a-b_c")).isTrue();
        assertThat(regex("/[\\b]/").find("\b")).isTrue();
    }

    @Test
    void translatesPosixClassesNamedGroupsAndComments() {
        assertThat(regex("/^[[:alpha:]]+$/").find("abc")).isTrue();
        assertThat(regex("/^[[:^digit:]]+$/").find("abc")).isTrue();
        assertThat(regex("/^(?P<first_word>\\w+) (?P=first_word)$/").find("hey hey")).isTrue();
        assertThat(regex("/^(?<a_b>x)\\k{a_b}$/").find("xx")).isTrue();
        assertThat(regex("/^(a)\\g{-1}\\g1$/").find("aaa")).isTrue();
        assertThat(regex("/^a(?#note)b$/").find("ab")).isTrue();
        assertThat(regex("/^\\N+$/").find("abc")).isTrue();
        assertThat(regex("/^\\x41\\x{42}\\o{103}$/").find("ABC")).isTrue();
        assertThat(regex("/^\\Qa.b\\E$/").find("a.b")).isTrue();
        assertThat(regex("/^\\Qa.b\\E$/").find("axb")).isFalse();
        assertThat(regex("/(?i)abc/").find("ABC")).isTrue();
        assertThat(regex("/^\\p{Lu}/u").find("Ünder")).isTrue();
    }

    @Test
    void reportsPcreFeaturesJavaCannotEvaluate() {
        assertThat(PhpRegex.parse("/a\\Kb/").problem()).hasValueSatisfying(p -> assertThat(p).contains("\\K"));
        assertThat(PhpRegex.parse("/(a(?R)?b)/").problem()).hasValueSatisfying(p -> assertThat(p).contains("recursion"));
        assertThat(PhpRegex.parse("/(?|(a)|(b))/").problem()).hasValueSatisfying(p -> assertThat(p).contains("branch reset"));
        assertThat(PhpRegex.parse("/(*UTF8)a/").problem()).hasValueSatisfying(p -> assertThat(p).contains("verbs"));
        assertThatThrownBy(() -> PhpRegex.parse("/a\\Kb/").find("ab")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stopsCatastrophicBacktracking() {
        // Polynomial blow-up that Java's loop memoisation does not prevent (seconds without a budget).
        PhpRegex evil = regex("/(.*a){12}$/");
        String input = "a".repeat(25) + "b";

        assertThatThrownBy(() -> evil.find(input)).isInstanceOf(PhpRegex.TooComplexException.class);
        assertThat(RuleSet.parse("regex:/(.*a){12}$/").check(input))
                .extracting(Violation::reason).singleElement().asString().contains("takes too long");
    }

    @Test
    void comparesBySourceText() {
        assertThat(PhpRegex.parse("/a/")).isEqualTo(PhpRegex.parse("/a/")).isNotEqualTo(PhpRegex.parse("/a/i"));
    }
}
