package io.lormas.catalog.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.catalog.CatalogApplication;
import io.lormas.catalog.support.Corpus;
import io.lormas.catalog.support.SampleEgg;
import io.lormas.testkit.InfrastructureContextCustomizerFactory;
import io.lormas.testkit.TestTokens;

/**
 * Load driver for catalog-service: starts the service against real PostgreSQL and Pulsar (libs/testkit) and drives
 * it over HTTP like a client would. Prints figures; asserts nothing about time.
 * <ul>
 * <li><b>egg imports</b>: the whole community corpus ({@code ../shared/corpus/eggs}, 421 files, JSON and YAML)
 * posted to {@code POST /api/catalog/eggs/import} by N concurrent clients, several rounds. Round 1 creates the eggs;
 * later rounds find their uuid: files without one (Pterodactyl) make new eggs again, files with one are recognised
 * as the current version (parse, compare, no write).</li>
 * <li><b>variable validations</b>: {@code POST /api/catalog/eggs/{id}/variables/validate} with one server's values
 * (a valid set and an invalid one, alternating) for a fixed time.</li>
 * </ul>
 * Arguments: {@code --threads 4 --rounds 3 --seconds 20}. Run:
 * {@code ./mvnw -o -pl catalog-service test-compile exec:exec -Dbench.args="--threads 4"}
 */
public final class CatalogBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CatalogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));

        Map<String, Object> properties = new HashMap<>(InfrastructureContextCustomizerFactory
                .infrastructureProperties(true, false, true));
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.io.lormas", "WARN");
        // as command-line arguments: they take precedence over application.yaml, as in a test context
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = SpringApplication.run(CatalogApplication.class, arguments)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            String admin = TestTokens.shared().user(UUID.randomUUID()).roles("admin").lifetime(Duration.ofHours(4))
                    .sign();
            String customer = TestTokens.shared().user(UUID.randomUUID()).roles("customer")
                    .lifetime(Duration.ofHours(4)).sign();
            System.out.printf("%ncatalog-service on %s; %d client threads; %d cores; JVM heap max %d MiB%n", base,
                    threads, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

            List<Corpus.Entry> corpus = Corpus.eggs();
            List<byte[]> files = corpus.stream().map(Corpus.Entry::bytes).toList();
            long totalBytes = files.stream().mapToLong(f -> f.length).sum();
            System.out.printf("corpus: %d files, %.2f MB%n", files.size(), totalBytes / 1e6);

            // warm-up: one pass over a quarter of the corpus (JIT, connection pools, caches)
            run(threads, files.subList(0, files.size() / 4), file -> importEgg(base, admin, file));

            System.out.println("\nEgg imports (POST /api/catalog/eggs/import, the corpus per round):");
            for (int round = 1; round <= rounds; round++) {
                Result result = run(threads, files, file -> importEgg(base, admin, file));
                System.out.printf("  round %d: %s%n", round, result.describe("eggs"));
            }

            String sampleId = field(importEgg(base, admin, SampleEgg.named("Bench").bytes()), "id");
            String manyId = mostVariables(base, admin, corpus);
            System.out.printf("%nVariable validations (POST /api/catalog/eggs/{id}/variables/validate, %d s each):%n",
                    seconds);
            for (var egg : List.of(Map.entry("sample egg (4 variables: regex, integer range, in, max)", sampleId),
                    Map.entry("corpus egg with the most variables", manyId))) {
                List<byte[]> bodies = validationBodies(base, admin, egg.getValue());
                String path = base + "/api/catalog/eggs/" + egg.getValue() + "/variables/validate";
                run(threads, Duration.ofSeconds(3), bodies, body -> post(path, customer, body, "application/json"));
                Result result = run(threads, Duration.ofSeconds(seconds), bodies,
                        body -> post(path, customer, body, "application/json"));
                System.out.printf("  %s: %s%n", egg.getKey(), result.describe("validations"));
            }
        }
        System.exit(0);
    }

    /** One request; returns the status (and the body for callers that need it). */
    private interface Call<T> {
        HttpResponse<String> send(T input) throws Exception;
    }

    private record Result(int requests, int failures, Duration elapsed, List<Long> latenciesMicros,
            Map<Integer, Integer> statuses) {

        String describe(String unit) {
            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            double perSecond = requests / (elapsed.toNanos() / 1e9);
            return String.format("%,d %s in %.1f s = %,.0f %s/s; latency p50 %.1f ms, p99 %.1f ms; statuses %s%s",
                    requests, unit, elapsed.toNanos() / 1e9, perSecond, unit, percentile(sorted, 50) / 1000.0,
                    percentile(sorted, 99) / 1000.0, statuses, failures == 0 ? "" : "; FAILURES " + failures);
        }

        private static long percentile(List<Long> sorted, int p) {
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
        }
    }

    /** Every input once, spread over the threads. */
    private static <T> Result run(int threads, List<T> inputs, Call<T> call) throws Exception {
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(inputs);
        return drive(threads, () -> queue.poll(), call, Long.MAX_VALUE);
    }

    /** The inputs over and over until the time is up. */
    private static <T> Result run(int threads, Duration duration, List<T> inputs, Call<T> call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return drive(threads, () -> inputs.get(Math.floorMod(next.getAndIncrement(), inputs.size())), call,
                System.nanoTime() + duration.toNanos());
    }

    private static <T> Result drive(int threads, java.util.function.Supplier<T> source, Call<T> call, long deadline)
            throws Exception {
        LongAdder failures = new LongAdder();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> {
                T input;
                while (System.nanoTime() < deadline && (input = source.get()) != null) {
                    long began = System.nanoTime();
                    try {
                        int status = call.send(input).statusCode();
                        statuses.merge(status, 1, Integer::sum);
                        if (status >= 500) {
                            failures.increment();
                        }
                    } catch (Exception e) {
                        failures.increment();
                    }
                    latencies.add((System.nanoTime() - began) / 1000);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        pool.shutdown();
        return new Result(latencies.size(), failures.intValue(), elapsed, new ArrayList<>(latencies),
                new java.util.TreeMap<>(statuses));
    }

    private static HttpResponse<String> importEgg(String base, String token, byte[] file) throws Exception {
        boolean json = file.length > 0 && (file[0] == '{' || file[0] == '[');
        return post(base + "/api/catalog/eggs/import", token, file, json ? "application/json" : "application/yaml");
    }

    private static HttpResponse<String> post(String url, String token, byte[] body, String contentType)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(HttpResponse<String> response, String name) {
        return JSON.readTree(response.body()).path(name).asString();
    }

    /** The id of the imported corpus egg with the most variables. */
    private static String mostVariables(String base, String token, List<Corpus.Entry> corpus) throws Exception {
        Corpus.Entry most = corpus.stream()
                .max(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.columns()[5]))).orElseThrow();
        return field(importEgg(base, token, most.bytes()), "id");
    }

    /** Two request bodies: every variable at its default (mostly valid) and every variable set to "x" (mostly not). */
    private static List<byte[]> validationBodies(String base, String token, String eggId) throws Exception {
        JsonNode egg = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/catalog/eggs/" + eggId))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, String> odd = new LinkedHashMap<>();
        for (JsonNode variable : egg.path("variables").values()) {
            if (variable.path("userEditable").asBoolean()) {
                defaults.put(variable.path("envVariable").asString(), variable.path("defaultValue").asString());
                odd.put(variable.path("envVariable").asString(), "x");
            }
        }
        System.out.printf("  (egg %s: %d variables, %d user-editable)%n", egg.path("name").asString(),
                egg.path("variables").size(), defaults.size());
        return List.of(JSON.writeValueAsBytes(Map.of("variables", defaults)),
                JSON.writeValueAsBytes(Map.of("variables", odd)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
