package io.lormas.catalog.egg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.lormas.catalog.support.Api;
import io.lormas.catalog.support.Api.Answer;
import io.lormas.catalog.support.CatalogIT;
import io.lormas.catalog.support.Corpus;
import io.lormas.catalog.support.Tokens;

/**
 * The community corpus through the HTTP API, as an operator would feed it: every egg of {@code corpus/eggs} imports,
 * and round-trips through both export formats; every file of {@code corpus/eggs-invalid} is refused with a message
 * that says where and why.
 */
@CatalogIT
class CorpusIT {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @LocalServerPort
    int port;
    Api api;
    final String admin = Tokens.admin();

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void importsEveryCorpusEggAndRoundTripsItThroughBothExportFormats() {
        List<Corpus.Entry> corpus = Corpus.eggs();
        List<String> failures = new ArrayList<>();
        Map<String, List<String>> warningsByFile = new LinkedHashMap<>();
        Map<String, Integer> formats = new TreeMap<>();
        int created = 0;
        int updated = 0;
        int roundTrips = 0;
        for (Corpus.Entry entry : corpus) {
            byte[] file = entry.bytes();
            String contentType = entry.name().endsWith(".json") ? "application/json" : "application/yaml";
            Answer answer = api.upload("/api/catalog/eggs/import", file, contentType, admin);
            if (answer.status() != 201 && answer.status() != 200) {
                failures.add(entry.name() + ": import answered " + answer);
                continue;
            }
            if (answer.status() == 201) {
                created++;
            } else {
                updated++;
            }
            formats.merge(answer.body().path("source").path("format").asString(), 1, Integer::sum);
            List<String> warnings = EggImportIT.messages(answer);
            if (!warnings.isEmpty()) {
                warningsByFile.put(entry.name(), warnings);
            }
            assertThat(answer.body().path("variables").values().stream().map(v -> v.path("envVariable").asString()))
                    .as(entry.name()).allMatch(name -> name.matches("[A-Z_][A-Z0-9_]*"));
            String id = answer.text("id");
            for (String export : List.of("format=PLCN_v3", "format=PLCN_v3&syntax=yaml", "format=PTDL_v2")) {
                String problem = roundTrip(id, export);
                if (problem != null) {
                    failures.add(entry.name() + " (" + export + "): " + problem);
                } else {
                    roundTrips++;
                }
            }
        }

        int warningCount = warningsByFile.values().stream().mapToInt(List::size).sum();
        System.out.printf("%nCorpus through the HTTP API: %d files, %d imported (%d new eggs, %d updates of a known uuid), "
                + "%d refused; formats %s; %d warnings in %d eggs; %d of %d round trips kept the egg%n",
                corpus.size(), created + updated, created, updated, corpus.size() - created - updated, formats,
                warningCount, warningsByFile.size(), roundTrips, corpus.size() * 3);
        warningsByFile.forEach((file, warnings) -> warnings.forEach(w -> System.out.println("  " + file + " -> " + w)));
        failures.forEach(f -> System.out.println("  FAILED " + f));

        assertThat(failures).isEmpty();
        assertThat(created + updated).isEqualTo(corpus.size()).isEqualTo(421);
        assertThat(roundTrips).isEqualTo(corpus.size() * 3);
    }

    /**
     * Exports the egg, imports the export and exports again: the second export must equal the first (apart from
     * {@code exported_at}). PLCN_v3 keeps everything, so importing its export must not even make a new version.
     *
     * @return what went wrong, or null
     */
    private String roundTrip(String id, String export) {
        boolean yaml = export.contains("yaml");
        Answer first = api.get("/api/catalog/eggs/" + id + "/export?" + export, admin);
        if (first.status() != 200) {
            return "export answered " + first;
        }
        Answer reimport = api.upload("/api/catalog/eggs/import", first.raw().body().getBytes(StandardCharsets.UTF_8),
                yaml ? "application/yaml" : "application/json", admin);
        if (reimport.status() != 200 || !reimport.text("id").equals(id)) {
            return "importing the export answered " + reimport.status() + " for egg " + reimport.text("id");
        }
        if (export.startsWith("format=PLCN_v3") && reimport.body().path("changed").asBoolean()) {
            return "importing a PLCN_v3 export made a new version";
        }
        Answer second = api.get("/api/catalog/eggs/" + id + "/export?" + export, admin);
        JsonNode a = tree(first.raw().body(), yaml);
        JsonNode b = tree(second.raw().body(), yaml);
        return a.equals(b) ? null : "the export of the imported export differs";
    }

    private static JsonNode tree(String text, boolean yaml) {
        ObjectNode tree = (ObjectNode) (yaml ? YAML.readTree(text) : Api.JSON.readTree(text));
        tree.remove("exported_at");
        return tree;
    }

    @Test
    void refusesEveryInvalidCorpusEggSayingWhereAndWhy() {
        List<Corpus.Entry> invalid = Corpus.invalidEggs();
        List<String> answers = new ArrayList<>();
        for (Corpus.Entry entry : invalid) {
            Answer answer = api.upload("/api/catalog/eggs/import", entry.bytes(), "application/json", admin);
            // INDEX.tsv: "JSONDecodeError: <why>: line L column C (char N)" as Python reports it
            String pythonLine = entry.columns()[4].replaceAll(".*: line (\\d+) column.*", "$1");

            EggImportIT.assertProblem(answer, 400, "malformed-egg");
            assertThat(answer.body().path("line").asInt()).as(entry.name()).isEqualTo(Integer.parseInt(pythonLine));
            assertThat(answer.text("detail")).as(entry.name()).contains("line " + pythonLine, "column");
            answers.add(entry.name() + " -> " + answer.text("detail"));
        }
        System.out.printf("%nInvalid corpus: %d files, %d refused%n", invalid.size(), answers.size());
        answers.forEach(a -> System.out.println("  " + a));
        assertThat(answers).hasSize(7);
    }
}
