package io.lormas.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services of the platform, in start order, with the environment each one gets. A service whose module
 * is not in this checkout is skipped, so the launcher grows with the platform.
 */
final class PlatformServices {

    /** One Spring Boot service. */
    record Service(String name, String module, String database, int offset, String envPrefix, int port) {

        Service(String name, String module, String database, int offset, String envPrefix) {
            this(name, module, database, offset, envPrefix, 9000 + offset);
        }

        /** The same service on {@code base + offset} ({@code LORMAS_PORT_BASE}, default 9000). */
        Service onBase(int base) {
            return new Service(name, module, database, offset, envPrefix, base + offset);
        }


        Path jar(Path repository) {
            return repository.resolve(module).resolve("target").resolve(module + ".jar");
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    static final List<Service> ALL = List.of(
            new Service("identity", "identity-service", "lormas_identity", 1, "IDENTITY"),
            new Service("catalog", "catalog-service", "lormas_catalog", 2, "CATALOG"),
            new Service("node", "node-service", "lormas_node", 3, "NODE"),
            new Service("deploy", "deploy-service", "lormas_deploy", 4, "DEPLOY"),
            new Service("billing", "billing-service", "lormas_billing", 5, "BILLING"),
            new Service("github", "github-service", "lormas_github", 6, "GITHUB"),
            new Service("dns", "dns-service", "lormas_dns", 7, "DNS"));

    private PlatformServices() {
    }

    static List<Service> present(Path repository, int portBase) {
        List<Service> present = new ArrayList<>();
        for (Service service : ALL) {
            if (Files.isDirectory(repository.resolve(service.module()))) {
                present.add(service.onBase(portBase));
            }
        }
        return present;
    }

    /** Environment shared by every service: where the infrastructure and the other services are. */
    static Map<String, String> commonEnvironment(LauncherSettings settings, Secrets secrets, List<Service> services) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LORMAS_PUBLIC_URL", settings.publicUrl());
        env.put("LORMAS_PULSAR_URL", settings.pulsarUrl());
        env.put("SPRING_DATA_REDIS_HOST", settings.redisHost());
        env.put("SPRING_DATA_REDIS_PORT", Integer.toString(settings.redisPortToUse()));
        env.put("SPRING_DATASOURCE_USERNAME", settings.postgresUser());
        env.put("SPRING_DATASOURCE_PASSWORD", settings.postgresPassword());
        env.put("LORMAS_CRYPTO_KEYS_K1", secrets.cryptoKey());
        env.put("LORMAS_CRYPTO_ACTIVE_KEY", "k1");
        env.put("LORMAS_NODE_SERVICE_CLIENT_SECRET", secrets.clientSecret("node-service"));
        env.put("LORMAS_LAUNCHER_CLIENT_SECRET", secrets.clientSecret("lormas-launcher"));
        env.put("LORMAS_GATEWAY_PORT", Integer.toString(settings.gatewayPort()));
        for (Service service : ALL) {
            env.put("LORMAS_" + service.envPrefix() + "_URL", service.onBase(settings.portBase()).url());
        }
        String callbacks = settings.publicUrl() + "/callback";
        if (settings.publicUrl().contains("://localhost:")) {
            callbacks += "," + settings.publicUrl().replace("://localhost:", "://127.0.0.1:") + "/callback";
        }
        env.put("LORMAS_CONSOLE_REDIRECT_URIS", callbacks);
        env.put("LORMAS_CONSOLE_POST_LOGOUT_URIS", settings.publicUrl() + "/");
        for (Service service : services) {
            env.put("LORMAS_" + service.envPrefix() + "_PORT", Integer.toString(service.port()));
            env.put("LORMAS_" + service.envPrefix() + "_DB_URL", settings.postgresBaseUrl() + "/" + service.database());
        }
        if (settings.adminEmail() != null) {
            env.put("LORMAS_ADMIN_EMAIL", settings.adminEmail());
        }
        if (settings.adminPassword() != null) {
            env.put("LORMAS_ADMIN_PASSWORD", settings.adminPassword());
        }
        return env;
    }

    /**
     * identity-service's service clients: node-service (creates agent clients) and the launcher itself (creates
     * the local node). Map keys with dashes cannot be written as environment variable names, hence JSON.
     */
    static String identityServiceClients(Secrets secrets) {
        return "{\"lormas\":{\"identity\":{\"service-clients\":{"
                + "\"node-service\":{\"secret\":\"" + secrets.clientSecret("node-service")
                + "\",\"permissions\":[\"identity.clients.write\"]},"
                + "\"lormas-launcher\":{\"secret\":\"" + secrets.clientSecret("lormas-launcher")
                + "\",\"permissions\":[\"nodes.read\",\"nodes.write\"]}}}}}";
    }
}
