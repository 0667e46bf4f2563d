package io.lormas.contracts;

import java.util.regex.Pattern;

/**
 * Topic names. Event streams live in {@code persistent://lormas/events/<service>.<aggregate>},
 * commands for one node's agent in {@code persistent://lormas/agents/<nodeId>}. The namespace is a
 * parameter so that tests (and several installations on one broker) can use their own.
 */
public final class Topics {

    public static final String EVENTS_NAMESPACE = "lormas/events";
    public static final String AGENTS_NAMESPACE = "lormas/agents";

    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9][a-z0-9_-]*/[a-z0-9][a-z0-9_-]*");
    private static final Pattern STREAM = Pattern.compile("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*");
    private static final Pattern NODE_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private Topics() {
    }

    /** {@code persistent://<namespace>/<stream>}, e.g. {@code persistent://lormas/events/deploy.server}. */
    public static String events(String namespace, String stream) {
        requireMatch(NAMESPACE, namespace, "namespace");
        requireMatch(STREAM, stream, "event stream");
        return "persistent://" + namespace + "/" + stream;
    }

    /** The event topic in the default namespace. */
    public static String events(String stream) {
        return events(EVENTS_NAMESPACE, stream);
    }

    /** {@code persistent://<namespace>/<nodeId>}: commands for one node's agent. */
    public static String agentCommands(String namespace, String nodeId) {
        requireMatch(NAMESPACE, namespace, "namespace");
        requireMatch(NODE_ID, nodeId, "node id");
        return "persistent://" + namespace + "/" + nodeId.toLowerCase();
    }

    /** The command topic of a node in the default namespace. */
    public static String agentCommands(String nodeId) {
        return agentCommands(AGENTS_NAMESPACE, nodeId);
    }

    /** The dead-letter topic of one subscription on one topic. */
    public static String deadLetter(String topic, String subscription) {
        return topic + "-" + subscription + "-DLQ";
    }

    /** The topic only one subscription reads besides the main one: replayed dead letters go there. */
    public static String retry(String topic, String subscription) {
        return topic + "-" + subscription + "-RETRY";
    }

    /** The main topic of a retry topic (or the topic itself). */
    public static String withoutRetrySuffix(String topic, String subscription) {
        String suffix = "-" + subscription + "-RETRY";
        return topic.endsWith(suffix) ? topic.substring(0, topic.length() - suffix.length()) : topic;
    }

    private static void requireMatch(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + " '" + value + "': must match " + pattern);
        }
    }
}
