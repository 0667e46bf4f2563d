package io.lormas.catalog.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A small PTDL_v2 egg written in the test, with methods to make it odd or broken. */
public final class SampleEgg {

    private final ObjectNode tree = Api.JSON.createObjectNode();
    private final ArrayNode variables;
    private final ObjectNode find;

    private SampleEgg(String name) {
        tree.putObject("meta").put("version", "PTDL_v2").putNull("update_url");
        tree.put("exported_at", "2024-05-01T12:00:00+00:00");
        tree.put("name", name);
        tree.put("author", "tests@lormas.test");
        tree.put("description", "An egg written by a test");
        tree.putArray("features").add("eula");
        tree.putObject("docker_images").put("Java 21", "ghcr.io/pterodactyl/yolks:java_21")
                .put("Java 17", "ghcr.io/pterodactyl/yolks:java_17");
        tree.putArray("file_denylist").add("server.jar");
        tree.put("startup", "java -Xms128M -Xmx{{SERVER_MEMORY}}M -jar {{SERVER_JARFILE}} --port {{SERVER_PORT}}");
        ObjectNode config = tree.putObject("config");
        ObjectNode files = Api.JSON.createObjectNode();
        ObjectNode properties = files.putObject("server.properties");
        properties.put("parser", "properties");
        find = properties.putObject("find");
        find.put("server-port", "{{server.build.default.port}}");
        find.put("online-mode", true);
        find.put("max-tick-time", 60000);
        config.put("files", Api.JSON.writeValueAsString(files));
        config.put("startup", "{\"done\": \")! For help, type \"}");
        config.put("logs", "{}");
        config.put("stop", "stop");
        ObjectNode installation = tree.putObject("scripts").putObject("installation");
        installation.put("script", "#!/bin/ash\ncd /mnt/server\necho installing {{SERVER_JARFILE}}\n");
        installation.put("container", "ghcr.io/pterodactyl/installers:alpine");
        installation.put("entrypoint", "ash");
        variables = tree.putArray("variables");
        variable("Server Jar File", "SERVER_JARFILE", "server.jar", true, true,
                "required|regex:/^([\\w\\d._-]+)(\\.jar)$/");
        variable("Max Players", "MAX_PLAYERS", "20", true, true, "required|integer|between:1,500");
        variable("License Key", "LICENSE_KEY", "operator-secret-default", false, false, "nullable|string|max:64");
        variable("Admin Locked", "LOCKED_MODE", "on", true, false, "required|in:on,off");
    }

    /** A new sample egg with a unique name. */
    public static SampleEgg named(String name) {
        return new SampleEgg(name + " " + UUID.randomUUID().toString().substring(0, 8));
    }

    public SampleEgg variable(String name, String env, String defaultValue, boolean viewable, boolean editable,
            String rules) {
        ObjectNode variable = variables.addObject();
        variable.put("name", name);
        variable.put("description", name + " of the server");
        variable.put("env_variable", env);
        variable.put("default_value", defaultValue);
        variable.put("user_viewable", viewable);
        variable.put("user_editable", editable);
        variable.put("rules", rules);
        variable.put("field_type", "text");
        return this;
    }

    public SampleEgg uuid(UUID uuid) {
        tree.put("uuid", uuid.toString());
        return this;
    }

    public SampleEgg startup(String startup) {
        tree.put("startup", startup);
        return this;
    }

    public SampleEgg description(String description) {
        tree.put("description", description);
        return this;
    }

    public SampleEgg metaVersion(@Nullable String version) {
        if (version == null) {
            tree.remove("meta");
        } else {
            ((ObjectNode) tree.get("meta")).put("version", version);
        }
        return this;
    }

    /** Adds a find entry to server.properties. */
    public SampleEgg find(String key, String value) {
        find.put(key, value);
        ((ObjectNode) tree.get("config")).put("files",
                Api.JSON.writeValueAsString(Api.JSON.createObjectNode().set("server.properties",
                        Api.JSON.createObjectNode().put("parser", "properties").set("find", find))));
        return this;
    }

    public String name() {
        return tree.get("name").asString();
    }

    public String json() {
        return Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    public byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }
}
