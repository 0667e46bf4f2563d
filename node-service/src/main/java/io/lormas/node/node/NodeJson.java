package io.lormas.node.node;

import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON columns of a node (addresses, labels). */
public final class NodeJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NodeJson() {
    }

    public static List<String> addresses(String json) {
        return List.copyOf(JSON.readValue(json, new TypeReference<List<String>>() { }));
    }

    public static Map<String, String> labels(String json) {
        return Map.copyOf(JSON.readValue(json, new TypeReference<Map<String, String>>() { }));
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
