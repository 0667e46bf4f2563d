package io.lormas.eggs.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lormas.eggs.ConfigFile;
import io.lormas.eggs.Egg;

/** Every egg of the shared dev corpus imports, matches its INDEX.tsv row and survives both exports. */
class CorpusTest {

    private static final EggReader READER = new EggReader();
    private static final EggWriter WRITER = new EggWriter();
    private static final Map<Path, ImportedEgg> IMPORTED = new TreeMap<>();
    private static final Map<Path, String> REFUSED = new TreeMap<>();

    @BeforeAll
    static void importCorpus() {
        for (Path file : EggCorpus.eggFiles()) {
            try {
                IMPORTED.put(file, READER.read(EggCorpus.read(file)));
            } catch (EggImportException e) {
                REFUSED.put(file, e.getMessage());
            }
        }
    }

    @Test
    void importsEveryEggOfTheCorpus() {
        Path root = EggCorpus.eggsDir();
        int warnings = IMPORTED.values().stream().mapToInt(egg -> egg.warnings().size()).sum();
        System.out.printf("Egg corpus %s: %d files, %d imported, %d refused, %d warnings in %d eggs%n", root,
                IMPORTED.size() + REFUSED.size(), IMPORTED.size(), REFUSED.size(), warnings,
                IMPORTED.values().stream().filter(egg -> !egg.warnings().isEmpty()).count());
        IMPORTED.forEach((file, egg) -> egg.warnings().forEach(warning ->
                System.out.println("  WARN " + root.relativize(file) + " " + warning)));
        REFUSED.forEach((file, message) -> System.out.println("  REFUSED " + root.relativize(file) + " " + message));

        assertThat(REFUSED).isEmpty();
        assertThat(IMPORTED).hasSize(EggCorpus.index(root).size());
    }

    @Test
    void readsWhatTheIndexSaysOfEachEgg() {
        List<String> mismatches = new ArrayList<>();
        for (String[] row : EggCorpus.index(EggCorpus.eggsDir())) {
            ImportedEgg imported = IMPORTED.get(EggCorpus.eggsDir().resolve(row[0]));
            if (imported == null) {
                continue; // reported by importsEveryEggOfTheCorpus
            }
            Egg egg = imported.egg();
            String parsers = egg.configFiles().stream().map(ConfigFile::parser).map(p -> p.id())
                    .collect(Collectors.joining(","));
            String expectedParsers = Arrays.stream(row[11].split(",")).map(p -> p.equals("yml") ? "yaml" : p)
                    .collect(Collectors.joining(","));
            check(mismatches, row[0], "format", row[4], imported.format().id());
            check(mismatches, row[0], "syntax", row[6], imported.syntax().name().toLowerCase());
            check(mismatches, row[0], "variables", row[5], String.valueOf(egg.variables().size()));
            check(mismatches, row[0], "docker images", row[8], String.valueOf(egg.dockerImages().size()));
            check(mismatches, row[0], "config parsers", expectedParsers.equals("-") ? "" : expectedParsers, parsers);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void roundTripsEveryEggThroughPtdlV2AndPlcnV3() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Path, ImportedEgg> entry : IMPORTED.entrySet()) {
            Egg egg = entry.getValue().egg();
            for (EggFormat format : List.of(EggFormat.PTDL_V2, EggFormat.PLCN_V3)) {
                for (Syntax syntax : Syntax.values()) {
                    if (!EggWriter.supports(format, syntax)) {
                        continue;
                    }
                    String exported = WRITER.write(egg, format, syntax);
                    ImportedEgg back = READER.read(exported);
                    if (back.format() != format || back.syntax() != syntax
                            || !back.egg().equals(EggWriter.representable(egg, format))) {
                        failures.add(EggCorpus.eggsDir().relativize(entry.getKey()) + " via " + format.id() + " "
                                + syntax);
                    }
                }
            }
        }
        System.out.printf("Round trip: %d eggs x 3 exports (PTDL_v2 JSON, PLCN_v3 JSON, PLCN_v3 YAML), %d failures%n",
                IMPORTED.size(), failures.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void checksEveryDefaultValueAgainstItsOwnRules() {
        // Informational: eggs whose defaults break their own rules cannot start without a change.
        List<String> failing = new ArrayList<>();
        IMPORTED.forEach((file, imported) -> imported.egg().variables().forEach(variable ->
                variable.check(variable.defaultValue()).forEach(violation -> failing.add(
                        EggCorpus.eggsDir().relativize(file) + ": " + violation.describe(variable.label())))));
        System.out.printf("Defaults breaking their own rules: %d%n", failing.size());
        failing.forEach(line -> System.out.println("  DEFAULT " + line));
        assertThat(failing).allSatisfy(line -> assertThat(line).endsWith("."));
    }

    private static void check(List<String> mismatches, String file, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            mismatches.add(file + ": " + what + " " + actual + ", index says " + expected);
        }
    }
}
