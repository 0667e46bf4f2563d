package io.lormas.eggs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    private static List<String> reasons(String rules, String value) {
        return RuleSet.parse(rules).check(value).stream().map(Violation::reason).toList();
    }

    private static boolean passes(String rules, String value) {
        return RuleSet.parse(rules).check(value).isEmpty();
    }

    @Nested
    class Presence {

        @Test
        void requiresANonBlankValue() {
            assertThat(reasons("required", "")).containsExactly("is required");
            assertThat(reasons("required", "   ")).containsExactly("is required");
            assertThat(reasons("required", null)).containsExactly("is required");
            assertThat(passes("required", "x")).isTrue();
        }

        @Test
        void skipsNonImplicitRulesOnAnEmptyValue() {
            assertThat(passes("nullable|integer|min:5", "")).isTrue();
            assertThat(passes("integer|min:5", "")).isTrue(); // Laravel: nullable changes nothing for ""
            assertThat(reasons("nullable|integer", "abc")).containsExactly("must be a whole number");
        }

        @Test
        void acceptsNullableWithAParameterAndNotesIt() {
            RuleSet rules = RuleSet.parse("nullable:string");

            assertThat(rules.rules()).containsExactly(new Rule.Nullable());
            assertThat(rules.problems()).singleElement().asString()
                    .contains("nullable takes no parameter", "':string' is ignored");
            assertThat(rules.tokens()).containsExactly("nullable:string");
        }

        @Test
        void requiresPresentValuesToBeGivenButAllowsThemEmpty() {
            assertThat(reasons("present", null)).containsExactly("must be provided");
            assertThat(passes("present", "")).isTrue();
        }

        @Test
        void refusesAnEmptyValueForFilledOnlyWhenGiven() {
            assertThat(passes("filled", null)).isTrue();
            assertThat(reasons("filled", " ")).containsExactly("must not be empty");
        }

        @Test
        void notesRequiredTogetherWithNullable() {
            RuleSet rules = RuleSet.parse("nullable|required|string");

            assertThat(rules.problems()).anySatisfy(p -> assertThat(p).contains("required wins"));
            assertThat(rules.check("")).extracting(Violation::rule).containsExactly("required");
        }

        @Test
        void acceptsAcceptedAndDeclinedWords() {
            assertThat(passes("accepted", "yes")).isTrue();
            assertThat(reasons("accepted", "no")).containsExactly("must be accepted (yes, on, 1 or true)");
            assertThat(passes("declined", "off")).isTrue();
            assertThat(reasons("declined", "")).containsExactly("must be declined (no, off, 0 or false)");
        }
    }

    @Nested
    class Types {

        @Test
        void passesAnyTextForString() {
            assertThat(passes("string", "anything at all 123")).isTrue();
        }

        @Test
        void acceptsOnlyWholeNumbersForInteger() {
            assertThat(List.of("12", "-3", "+4", " 7 ", "0")).allMatch(v -> passes("integer", v));
            assertThat(List.of("1.5", "012", "1e3", "abc", "99999999999999999999"))
                    .allSatisfy(v -> assertThat(reasons("integer", v)).containsExactly("must be a whole number"));
        }

        @Test
        void readsIntAsIntegerLikeLaravel() {
            RuleSet rules = RuleSet.parse("required|int|between:1,65535");

            assertThat(rules.rules()).contains(new Rule.IntegerType());
            assertThat(rules.comparesNumbers()).isTrue();
            assertThat(rules.check("70000")).extracting(Violation::reason)
                    .containsExactly("must be between 1 and 65535");
            assertThat(rules.check("x")).extracting(Violation::reason).contains("must be a whole number");
        }

        @Test
        void acceptsWhatPhpCallsNumericForNumeric() {
            assertThat(List.of("1.5", "-2", ".5", "5.", "1e3", " 3", "3 ")).allMatch(v -> passes("numeric", v));
            assertThat(List.of("abc", "1,5", "0x1A", "", "."))
                    .filteredOn(v -> !v.isEmpty())
                    .allSatisfy(v -> assertThat(reasons("numeric", v)).containsExactly("must be a number"));
        }

        @Test
        void acceptsOnlyZeroAndOneForBoolean() {
            assertThat(passes("boolean", "1")).isTrue();
            assertThat(passes("bool", "0")).isTrue();
            assertThat(List.of("true", "false", "yes", "2"))
                    .allSatisfy(v -> assertThat(reasons("boolean", v)).containsExactly("must be 1 (true) or 0 (false)"));
        }
    }

    @Nested
    class Lists {

        @Test
        void acceptsOnlyListedValuesForIn() {
            assertThat(passes("in:true,false", "true")).isTrue();
            assertThat(reasons("in:true,false", "TRUE")).containsExactly("must be one of: true, false");
        }

        @Test
        void comparesNumericStringsInInLikePhp() {
            assertThat(passes("in:1,2", "01")).isTrue();
            assertThat(passes("in:1.0", "1")).isTrue();
        }

        @Test
        void allowsAnEmptyItemLeadingAnInList() {
            RuleSet rules = RuleSet.parse("nullable|string|in:,beta_server");

            assertThat(rules.rules()).contains(new Rule.In(List.of("", "beta_server")));
            assertThat(rules.check("")).isEmpty();
            assertThat(rules.check("alpha")).extracting(Violation::reason)
                    .containsExactly("must be one of: (empty), beta_server");
        }

        @Test
        void keepsSpacesInsideInItems() {
            RuleSet rules = RuleSet.parse("required|string|in:vcrun2019 corefonts");

            assertThat(rules.rules()).contains(new Rule.In(List.of("vcrun2019 corefonts")));
            assertThat(rules.check("vcrun2019 corefonts")).isEmpty();
            assertThat(rules.check("vcrun2019")).isNotEmpty();
            assertThat(rules.problems()).isEmpty();
        }

        @Test
        void warnsAboutSpacesAroundInItems() {
            RuleSet rules = RuleSet.parse("in:a, b");

            assertThat(rules.problems()).singleElement().asString().contains("item ' b' has surrounding spaces");
            assertThat(rules.check("b")).isNotEmpty();
            assertThat(rules.check(" b")).isEmpty();
        }

        @Test
        void readsQuotedItemsLikeStrGetcsv() {
            assertThat(RuleSet.parse("in:\"a,b\",c").rules()).containsExactly(new Rule.In(List.of("a,b", "c")));
        }

        @Test
        void shortensLongListsInMessages() {
            String countries = "in:AD,AE,AF,AG,AI,AL,AM,AO,AQ,AR,AS,AT,AU,AW,AX,AZ";

            assertThat(reasons(countries, "ZZ")).singleElement().asString()
                    .startsWith("must be one of: AD, AE, AF").endsWith("... (16 values)");
        }

        @Test
        void refusesListedValuesForNotIn() {
            assertThat(reasons("not_in:anonymous", "anonymous")).containsExactly("must not be one of: anonymous");
            assertThat(passes("not_in:anonymous", "alice")).isTrue();
        }
    }

    @Nested
    class Sizes {

        @Test
        void measuresMaxInCharactersWithoutANumericRule() {
            assertThat(reasons("max:5", "abcdef")).containsExactly("must not be longer than 5 characters");
            assertThat(reasons("max:5", "12345678")).containsExactly("must not be longer than 5 characters");
            assertThat(passes("max:3", "äöü")).isTrue(); // characters, not bytes
        }

        @Test
        void comparesMaxAsANumberUnderANumericRule() {
            assertThat(reasons("numeric|max:5", "6")).containsExactly("must not be greater than 5");
            assertThat(passes("numeric|max:5", "4.5")).isTrue();
        }

        @Test
        void comparesBetweenAsNumbersUnderAnIntegerRule() {
            assertThat(reasons("required|integer|between:1024,65535", "80"))
                    .containsExactly("must be between 1024 and 65535");
            assertThat(passes("required|integer|between:1024,65535", "25565")).isTrue();
        }

        @Test
        void measuresBetweenInCharactersWithoutANumericRule() {
            assertThat(reasons("between:3,15", "ab")).containsExactly("must be between 3 and 15 characters long");
        }

        @Test
        void measuresMinAsNumberOrLength() {
            assertThat(reasons("min:8", "short")).containsExactly("must be at least 8 characters long");
            assertThat(reasons("integer|min:1", "0")).containsExactly("must be at least 1");
        }

        @Test
        void measuresSizeAsNumberOrLength() {
            assertThat(reasons("size:32", "abc")).containsExactly("must be exactly 32 characters long");
            assertThat(passes("size:32", "a".repeat(32))).isTrue();
            assertThat(passes("integer|size:5", "5")).isTrue();
            assertThat(reasons("integer|size:5", "6")).containsExactly("must be 5");
        }

        @Test
        void usesLengthWhenANumericRuleMeetsANonNumericValue() {
            // Laravel's getSize(): a non-numeric value is measured in characters even under numeric.
            assertThat(reasons("numeric|max:2", "abc"))
                    .containsExactly("must be a number", "must not be longer than 2 characters");
        }

        @Test
        void writesOneCharacterInTheSingular() {
            assertThat(reasons("max:1", "ab")).containsExactly("must not be longer than 1 character");
        }

        @Test
        void keepsMalformedSizeRulesAsUnknown() {
            RuleSet rules = RuleSet.parse("max:abc|between:5");

            assertThat(rules.rules()).allMatch(rule -> rule instanceof Rule.Unknown);
            assertThat(rules.problems()).anySatisfy(p -> assertThat(p).contains("max needs a number"))
                    .anySatisfy(p -> assertThat(p).contains("between needs two numbers"));
            assertThat(rules.check("anything")).isEmpty();
        }
    }

    @Nested
    class Comparisons {

        @Test
        void comparesGreaterThanANumber() {
            assertThat(reasons("required|integer|gt:0", "0")).containsExactly("must be greater than 0");
            assertThat(passes("required|integer|gt:0", "1")).isTrue();
            assertThat(reasons("nullable|integer|gt:0", "abc"))
                    .containsExactly("must be a whole number", "must be a number greater than 0");
        }

        @Test
        void comparesGteLtAndLte() {
            assertThat(passes("numeric|gte:5", "5")).isTrue();
            assertThat(reasons("numeric|gte:5", "4")).containsExactly("must be greater than or equal to 5");
            assertThat(reasons("numeric|lt:5", "5")).containsExactly("must be less than 5");
            assertThat(passes("numeric|lte:5", "5")).isTrue();
            assertThat(reasons("numeric|lte:5", "5.1")).containsExactly("must be less than or equal to 5");
        }

        @Test
        void comparesLengthsWithoutANumericRuleLikeLaravel() {
            // Laravel compares the size, which is the length without a numeric rule: "5" has length 1.
            assertThat(passes("gt:0", "5")).isTrue();
            assertThat(reasons("lt:1", "5")).containsExactly("must be shorter than 1 character");
        }

        @Test
        void keepsAComparisonWithAnotherFieldAsUnknown() {
            RuleSet rules = RuleSet.parse("gt:OTHER_FIELD");

            assertThat(rules.rules()).singleElement().isInstanceOf(Rule.Unknown.class);
            assertThat(rules.problems()).singleElement().asString().contains("compares with another field");
        }
    }

    @Nested
    class Formats {

        @Test
        void requiresExactDigitCountForDigits() {
            assertThat(passes("digits:4", "1234")).isTrue();
            assertThat(reasons("digits:4", "123")).containsExactly("must be exactly 4 digits");
            assertThat(reasons("digits:1", "a")).containsExactly("must be exactly 1 digit");
            assertThat(passes("digits:4", "12a4")).isFalse();
        }

        @Test
        void requiresDigitCountInRangeForDigitsBetween() {
            assertThat(passes("digits_between:1,3", "123")).isTrue();
            assertThat(reasons("digits_between:1,3", "1234")).containsExactly("must be between 1 and 3 digits");
            assertThat(passes("digits_between:1,3", "-1")).isFalse();
            assertThat(passes("digits_between:1,3", "1.5")).isFalse();
        }

        @Test
        void acceptsLettersForAlpha() {
            assertThat(passes("alpha", "Grüße")).isTrue();
            assertThat(reasons("alpha", "abc1")).containsExactly("must contain only letters");
            assertThat(passes("alpha:ascii", "Grüße")).isFalse();
        }

        @Test
        void acceptsLettersDigitsDashesAndUnderscoresForAlphaDash() {
            assertThat(passes("alpha_dash", "my-world_2")).isTrue();
            assertThat(reasons("alpha_dash", "my world"))
                    .containsExactly("must contain only letters, numbers, dashes and underscores");
        }

        @Test
        void acceptsLettersAndDigitsForAlphaNum() {
            assertThat(passes("alpha_num", "abc123")).isTrue();
            assertThat(reasons("alpha_num", "abc-123")).containsExactly("must contain only letters and numbers");
        }

        @Test
        void acceptsUrlsWithSchemeAndHost() {
            assertThat(passes("url", "https://example.com/pack.zip?x=1#top")).isTrue();
            assertThat(passes("url", "http://127.0.0.1:8080/")).isTrue();
            assertThat(reasons("url", "example.com")).containsExactly("must be a valid URL");
            assertThat(reasons("url:https", "http://example.com"))
                    .containsExactly("must be a valid URL starting with https://");
        }

        @Test
        void acceptsIpAddressesLikeFilterVar() {
            assertThat(passes("ip", "192.168.0.1")).isTrue();
            assertThat(passes("ip", "2001:db8::1")).isTrue();
            assertThat(passes("ipv4", "256.1.1.1")).isFalse();
            assertThat(passes("ipv4", "01.1.1.1")).isFalse();
            assertThat(reasons("ipv4", "::1")).containsExactly("must be a valid IPv4 address");
            assertThat(passes("ipv6", "::1")).isTrue();
            assertThat(passes("ipv6", "::ffff:192.0.2.1")).isTrue();
            assertThat(passes("ipv6", "1:2:3:4:5:6:7:8")).isTrue();
            assertThat(reasons("ipv6", "1:2:3:4:5:6:7:8:9")).containsExactly("must be a valid IPv6 address");
            assertThat(passes("ipv6", "1::2::3")).isFalse();
        }

        @Test
        void checksPrefixesAndSuffixes() {
            assertThat(passes("ends_with:==", "c2VjcmV0==")).isTrue();
            assertThat(reasons("ends_with:==", "c2VjcmV0")).containsExactly("must end with '=='");
            assertThat(reasons("starts_with:http://,https://", "ftp://x"))
                    .containsExactly("must start with one of: 'http://', 'https://'");
            assertThat(reasons("doesnt_start_with:-", "-x")).containsExactly("must not start with '-'");
            assertThat(passes("doesnt_end_with:.tmp", "a.jar")).isTrue();
        }

        @Test
        void acceptsJsonDocuments() {
            assertThat(passes("json", "{\"a\": [1, 2]}")).isTrue();
            assertThat(passes("json", "42")).isTrue();
            assertThat(reasons("json", "[1")).containsExactly("must be valid JSON");
        }

        @Test
        void acceptsEmailUuidAndUlid() {
            assertThat(passes("email", "admin@example.org")).isTrue();
            assertThat(reasons("email", "admin@")).containsExactly("must be a valid email address");
            assertThat(passes("uuid", "5da37ef6-58da-4169-90a6-e683e1721247")).isTrue();
            assertThat(reasons("uuid", "5da37ef6")).containsExactly("must be a valid UUID");
            assertThat(passes("ulid", "01ARZ3NDEKTSV4RRFFQ69G5FAV")).isTrue();
            assertThat(passes("ulid", "81ARZ3NDEKTSV4RRFFQ69G5FAV")).isFalse();
        }

        @Test
        void checksCaseAsciiColoursAndMacAddresses() {
            assertThat(reasons("lowercase", "Abc")).containsExactly("must be lower case");
            assertThat(reasons("uppercase", "Abc")).containsExactly("must be upper case");
            assertThat(reasons("ascii", "é")).containsExactly("must contain only ASCII characters");
            assertThat(passes("hex_color", "#ff8800")).isTrue();
            assertThat(passes("hex_color", "ff8800")).isFalse();
            assertThat(passes("mac_address", "01:23:45:67:89:ab")).isTrue();
            assertThat(passes("mac_address", "0123.4567.89ab")).isTrue();
            assertThat(passes("mac_address", "01:23:45")).isFalse();
        }

        @Test
        void matchesRegexAnywhereLikePregMatch() {
            assertThat(passes("regex:/[0-9]/", "abc1def")).isTrue();
            assertThat(reasons("regex:/^[a-z]+$/", "ABC"))
                    .containsExactly("has an invalid format (it must match /^[a-z]+$/)");
        }

        @Test
        void refusesMatchesForNotRegex() {
            assertThat(reasons("not_regex:/^-/", "-x"))
                    .containsExactly("has an invalid format (it must not match /^-/)");
            assertThat(passes("not_regex:/^-/", "x")).isTrue();
        }
    }

    @Nested
    class Parsing {

        @Test
        void keepsARegexWithPipesAndCommasWhole() {
            RuleSet rules = RuleSet.parse("required|regex:/^(stable|beta){1,2}$/|max:20");

            assertThat(rules.tokens()).containsExactly("required", "regex:/^(stable|beta){1,2}$/", "max:20");
            assertThat(rules.check("stablebeta")).isEmpty();
            assertThat(rules.check("alpha")).extracting(Violation::rule).containsExactly("regex");
        }

        @Test
        void keepsARegexWholeInFirstPosition() {
            assertThat(RuleSet.parse("regex:/^(a|b)$/|required").tokens())
                    .containsExactly("regex:/^(a|b)$/", "required");
        }

        @Test
        void splitsNaivelyAfterARegexPhpWouldReject() {
            RuleSet rules = RuleSet.parse("required|string|max:20|regex:latest-stable|regex:latest-succsessful");

            assertThat(rules.tokens()).containsExactly("required", "string", "max:20", "regex:latest-stable",
                    "regex:latest-succsessful");
            assertThat(rules.uncheckedTokens()).containsExactly("regex:latest-stable", "regex:latest-succsessful");
            assertThat(rules.problems()).allSatisfy(p -> assertThat(p).contains("cannot be checked"));
            assertThat(rules.check("latest")).isEmpty();
        }

        @Test
        void keepsEmptyTokensVerbatimAndIgnoresThem() {
            RuleSet rules = RuleSet.parse("nullable|numeric|");

            assertThat(rules.tokens()).containsExactly("nullable", "numeric", "");
            assertThat(rules.rules()).containsExactly(new Rule.Nullable(), new Rule.NumericType());
            assertThat(rules.problems()).singleElement().asString().contains("empty rule");
            assertThat(rules.text()).isEqualTo("nullable|numeric|");
        }

        @Test
        void readsAnEmptyStringAsNoRules() {
            assertThat(RuleSet.parse("")).isEqualTo(RuleSet.none());
            assertThat(RuleSet.of(List.of())).isEqualTo(RuleSet.none());
            assertThat(RuleSet.of(List.of(""))).isEqualTo(RuleSet.none());
        }

        @Test
        void readsTheListFormLikeTheEquivalentPipeString() {
            RuleSet list = RuleSet.of(List.of("required", "regex:/^(\\w{1,20})$/"));

            assertThat(list.text()).isEqualTo("required|regex:/^(\\w{1,20})$/");
            assertThat(RuleSet.parse(list.text())).isEqualTo(list);
        }

        @Test
        void keepsUnknownRulesVerbatimWithAProblem() {
            RuleSet rules = RuleSet.parse("required|exists:users,id|Foo");

            assertThat(rules.tokens()).containsExactly("required", "exists:users,id", "Foo");
            assertThat(rules.uncheckedTokens()).containsExactly("exists:users,id", "Foo");
            assertThat(rules.problems()).anySatisfy(p -> assertThat(p).contains("'exists' is not a rule Lormas knows"));
            assertThat(rules.check("x")).isEmpty();
        }

        @Test
        void readsRuleNamesRegardlessOfCaseAndSpaces() {
            assertThat(RuleSet.parse(" Required | MAX:3 ").rules())
                    .containsExactly(new Rule.Required(), new Rule.Max(new java.math.BigDecimal("3")));
        }

        @Test
        void stopsAtTheFirstFailureWithBail() {
            assertThat(reasons("bail|integer|min:5", "x")).containsExactly("must be a whole number");
            assertThat(reasons("integer|min:5", "x")).hasSize(2);
        }

        @Test
        void ignoresSometimes() {
            assertThat(passes("sometimes|required", "x")).isTrue();
        }

        @Test
        void describesAViolationAsASentenceAboutTheVariable() {
            Violation violation = RuleSet.parse("integer|between:1024,65535").check("80").getFirst();

            assertThat(violation.describe("Server Port (SERVER_PORT)"))
                    .isEqualTo("Server Port (SERVER_PORT) must be between 1024 and 65535.");
        }
    }
}
