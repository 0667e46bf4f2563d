package io.lormas.eggs.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The historical eggs committed as broken JSON (corpus/eggs-invalid) are refused with a clear message. */
class InvalidEggsTest {

    private static final Pattern PYTHON_LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    /** What our message must say, by the beginning of Python's error in INDEX.tsv. */
    private static final Map<String, String> EXPLANATION = Map.of(
            "JSONDecodeError: Invalid control character", "a control character (code 10",
            "JSONDecodeError: Expecting property name enclosed in double quotes", "expected a property name in double quotes",
            "JSONDecodeError: Invalid \\escape", "is not a valid escape in a JSON string",
            "JSONDecodeError: Expecting ',' delimiter", "a comma is missing between two");

    static Stream<String[]> invalidEggs() {
        return EggCorpus.index(EggCorpus.invalidEggsDir()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEggs")
    void refusesABrokenEggNamingLineColumnAndCause(String file, String repo, String path, String commit, String error) {
        byte[] content = EggCorpus.read(EggCorpus.invalidEggsDir().resolve(file));

        EggImportException refusal = catchThrowableOfType(EggImportException.class, () -> new EggReader().read(content));

        Matcher python = PYTHON_LOCATION.matcher(error);
        assertThat(python.find()).isTrue();
        int line = Integer.parseInt(python.group(1));
        int column = Integer.parseInt(python.group(2));
        String explanation = EXPLANATION.entrySet().stream().filter(e -> error.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        System.out.println("  " + file + " -> " + refusal.getMessage());
        assertThat(refusal.kind()).isEqualTo(EggImportException.Kind.MALFORMED);
        assertThat(refusal.line()).isEqualTo(line);
        // Jackson reports an invalid escape one column later than Python (after the escaped character).
        assertThat(refusal.column()).isBetween(column, column + 1);
        assertThat(refusal.getMessage())
                .startsWith("The egg is not valid JSON: ")
                .contains(explanation)
                .endsWith("at line " + line + ", column " + refusal.column() + ".");
    }

    @Test
    void coversEveryFileOfTheInvalidCorpus() {
        List<String> indexed = invalidEggs().map(row -> row[0]).sorted().toList();
        List<String> present = EggCorpus.invalidEggFiles().stream()
                .map(file -> EggCorpus.invalidEggsDir().relativize(file).toString()).sorted().toList();

        assertThat(present).hasSize(7).isEqualTo(indexed);
    }

    @Test
    void namesTheUnexpectedCharacterOfAMissingComma() {
        byte[] content = EggCorpus.read(EggCorpus.invalidEggsDir()
                .resolve("pelican-eggs-generic@6ef8c7b5e0/nodemon__egg-pterodactyl-nodemon.json"));

        assertThat(catchThrowableOfType(EggImportException.class, () -> new EggReader().read(content)).getMessage())
                .isEqualTo("The egg is not valid JSON: a comma is missing between two properties (found '\"')"
                        + " at line 22, column 9.");
    }
}
