package io.lormas.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a Docker-API engine is reachable ({@code DOCKER_HOST}), runs an agent on this machine so servers can
 * run here: on first start the launcher creates region {@code local} and node {@code local} through the gateway
 * (as its own service client), registers the agent with the node's one-time token, and then starts
 * {@code agent run}. Later starts reuse the agent's stored credentials.
 */
final class LocalAgent {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REGISTRATION_TOKEN = Pattern.compile("\"registrationToken\"\\s*:\\s*\"([^\"]+)\"");

    private LocalAgent() {
    }

    static Optional<ManagedProcess> startIfEngineAvailable(LauncherSettings settings, Secrets secrets,
            List<ManagedProcess> started) {
        Path jar = settings.repository().resolve("agent/target/lormas-agent.jar");
        if (settings.dockerHost() == null || !Files.exists(jar)
                || "0".equals(System.getenv().getOrDefault("LORMAS_LOCAL_AGENT", "1"))) {
            return Optional.empty();
        }
        Path state = settings.home().resolve("agent");
        Map<String, String> env = Map.of(
                "LORMAS_AGENT_STATE_DIR", state.toString(),
                "LORMAS_AGENT_DATA_ROOT", settings.home().resolve("servers").toString(),
                "LORMAS_AGENT_ENGINE_PULL_MISSING_IMAGES", "false",
                "LORMAS_AGENT_HEALTH_PORT", Integer.toString(settings.portBase() + 95),
                "DOCKER_HOST", settings.dockerHost());
        try {
            if (!Files.exists(state.resolve("credentials.json"))) {
                System.out.println("lormas: registering a local agent with engine " + settings.dockerHost());
                String token = registrationToken(settings, secrets);
                List<String> register = new ArrayList<>(agentCommand(jar));
                register.addAll(List.of("register", "--url", settings.publicUrl(), "--token", token));
                ProcessBuilder builder = new ProcessBuilder(register).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logs().resolve("agent.log").toFile()));
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new LaunchException("the local agent could not register; see " + settings.logs().resolve("agent.log"));
                }
            }
        } catch (IOException e) {
            throw new LaunchException("the local agent could not be set up: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
        List<String> run = new ArrayList<>(agentCommand(jar));
        run.add("run");
        ManagedProcess agent = new ManagedProcess("agent", run, env, null, settings);
        agent.start(settings.repository());
        started.add(agent);
        return Optional.of(agent);
    }

    private static List<String> agentCommand(Path jar) {
        return List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
    }

    /** Region and node {@code local} (created when missing), and a fresh one-time registration token. */
    private static String registrationToken(LauncherSettings settings, Secrets secrets) throws IOException,
            InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("lormas-launcher:" + secrets.clientSecret("lormas-launcher"))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tokenResponse = HTTP.send(HttpRequest.newBuilder(URI.create(settings.publicUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode("nodes.read nodes.write", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(tokenResponse.body());
        if (tokenResponse.statusCode() != 200 || !token.find()) {
            throw new LaunchException("the launcher could not get a token for setting up the local node: HTTP "
                    + tokenResponse.statusCode());
        }
        String bearer = "Bearer " + token.group(1);
        HttpResponse<String> region = post(settings, bearer, "/api/nodes/regions",
                "{\"code\":\"local\",\"name\":\"This machine\"}");
        if (region.statusCode() != 201 && region.statusCode() != 409) {
            throw new LaunchException("creating region 'local' failed: HTTP " + region.statusCode() + " " + region.body());
        }
        long memoryMib = Math.max(2048, osMemoryMib() / 2);
        int cpus = Runtime.getRuntime().availableProcessors();
        String nodeName = "local-" + Long.toHexString(System.currentTimeMillis());
        HttpResponse<String> node = post(settings, bearer, "/api/nodes", "{\"name\":\"" + nodeName
                + "\",\"region\":\"local\",\"fqdn\":\"localhost\",\"cpuMillis\":" + cpus * 1000 + ",\"memoryMib\":"
                + memoryMib + ",\"diskMib\":20480,\"portRanges\":[{\"ip\":\"127.0.0.1\",\"from\":25565,\"to\":25664}]}");
        Matcher registration = REGISTRATION_TOKEN.matcher(node.body());
        if (node.statusCode() != 201 || !registration.find()) {
            throw new LaunchException("creating node 'local' failed: HTTP " + node.statusCode() + " " + node.body());
        }
        return registration.group(1);
    }

    private static HttpResponse<String> post(LauncherSettings settings, String bearer, String path, String json)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(settings.publicUrl() + path))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long osMemoryMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall back below
        }
        return 4096;
    }
}
