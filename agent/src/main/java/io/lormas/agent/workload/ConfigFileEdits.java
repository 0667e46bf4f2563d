package io.lormas.agent.workload;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The egg config-file parsers of Pterodactyl: each takes a file's content (null when it does not exist) and
 * the values to set, and returns the new content. Comments and unknown lines survive in the line-based formats
 * (properties, ini, file); JSON, YAML and XML are rewritten from their tree, as Pterodactyl does.
 */
final class ConfigFileEdits {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d{0,17})(\\.\\d+)?");
    private static final Pattern XML_ATTRIBUTE = Pattern.compile("^\\[(\\w+)='(.*)']$");

    private ConfigFileEdits() {
    }

    /**
     * @return the new content, or null when there is nothing to write (the {@code file} parser on a missing file)
     * @throws CommandFailure {@code config_invalid} for an unknown parser or content the parser cannot read
     */
    static byte @Nullable [] apply(String parser, byte @Nullable [] content, Map<String, String> replace) {
        String text = content == null ? null : new String(content, StandardCharsets.UTF_8);
        String result = switch (parser.toLowerCase()) {
            case "properties" -> properties(text, replace);
            case "file" -> text == null ? null : lines(text, replace);
            case "ini" -> ini(text, replace);
            case "json" -> tree(JSON, text, replace, "json");
            case "yaml", "yml" -> tree(YAML, text, replace, "yaml");
            case "xml" -> xml(text, replace);
            default -> throw new CommandFailure("config_invalid",
                    "unknown config parser '" + parser + "' (known: properties, yaml, json, ini, xml, file)");
        };
        return result == null ? null : result.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code key=value} lines; a key not in the file is appended. */
    static String properties(@Nullable String text, Map<String, String> replace) {
        Map<String, String> pending = new LinkedHashMap<>(replace);
        List<String> out = new ArrayList<>();
        for (String line : linesOf(text)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                out.add(line);
                continue;
            }
            String key = propertyKey(trimmed);
            if (pending.containsKey(key)) {
                out.add(key + "=" + escapeProperty(pending.remove(key)));
            } else {
                out.add(line);
            }
        }
        pending.forEach((key, value) -> out.add(key + "=" + escapeProperty(value)));
        return String.join("\n", out) + "\n";
    }

    private static String propertyKey(String line) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                key.append(line.charAt(++i));
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static String escapeProperty(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Lines starting with a key are replaced by its value, whole. */
    static String lines(String text, Map<String, String> replace) {
        List<String> out = new ArrayList<>();
        for (String line : linesOf(text)) {
            String replacement = null;
            for (Map.Entry<String, String> entry : replace.entrySet()) {
                if (line.startsWith(entry.getKey())) {
                    replacement = entry.getValue();
                    break;
                }
            }
            out.add(replacement == null ? line : replacement);
        }
        return String.join("\n", out) + "\n";
    }

    /**
     * Keys are {@code section.key}, {@code [section].key} (the brackets may hold dots) or a plain {@code key}
     * outside any section; a missing key is added to its section, a missing section at the end.
     */
    static String ini(@Nullable String text, Map<String, String> replace) {
        List<String> out = new ArrayList<>(linesOf(text));
        for (Map.Entry<String, String> entry : replace.entrySet()) {
            String[] sectionAndKey = iniPath(entry.getKey());
            setIni(out, sectionAndKey[0], sectionAndKey[1], entry.getValue());
        }
        return String.join("\n", out) + "\n";
    }

    static String[] iniPath(String path) {
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '.' && depth == 0) {
                String section = path.substring(0, i);
                if (section.startsWith("[") && section.endsWith("]")) {
                    section = section.substring(1, section.length() - 1);
                }
                return new String[] {section, path.substring(i + 1)};
            }
        }
        return new String[] {"", path};
    }

    private static void setIni(List<String> lines, String section, String key, String value) {
        String current = "";
        int sectionEnd = section.isEmpty() ? firstSectionIndex(lines) : -1;
        boolean sectionFound = section.isEmpty();
        for (int i = 0; i < lines.size(); i++) {
            String trimmed = lines.get(i).strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                if (current.equals(section) && sectionFound && !section.isEmpty()) {
                    sectionEnd = i;
                }
                current = trimmed.substring(1, trimmed.length() - 1).strip();
                if (current.equals(section)) {
                    sectionFound = true;
                    sectionEnd = lines.size();
                }
                continue;
            }
            if (!current.equals(section) || trimmed.startsWith(";") || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals > 0 && trimmed.substring(0, equals).strip().equals(key)) {
                lines.set(i, key + "=" + value);
                return;
            }
        }
        if (!sectionFound) {
            if (!lines.isEmpty() && !lines.getLast().isBlank()) {
                lines.add("");
            }
            lines.add("[" + section + "]");
            lines.add(key + "=" + value);
            return;
        }
        int insertAt = sectionEnd < 0 ? lines.size() : sectionEnd;
        // keep blank lines that separate sections below the new key
        while (insertAt > 0 && lines.get(insertAt - 1).isBlank() && insertAt - 1 > 0) {
            insertAt--;
        }
        lines.add(insertAt, key + "=" + value);
    }

    private static int firstSectionIndex(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String trimmed = lines.get(i).strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                return i;
            }
        }
        return lines.size();
    }

    /** Dotted paths into a JSON or YAML tree; objects on the way are created, numbers index arrays. */
    static String tree(ObjectMapper mapper, @Nullable String text, Map<String, String> replace, String format) {
        JsonNode root;
        try {
            root = text == null || text.isBlank() ? JsonNodeFactory.instance.objectNode() : mapper.readTree(text);
        } catch (RuntimeException e) {
            throw new CommandFailure("config_invalid", "the file is not valid " + format + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        if (!root.isContainer()) {
            throw new CommandFailure("config_invalid", "the " + format + " document is not an object");
        }
        for (Map.Entry<String, String> entry : replace.entrySet()) {
            set(root, entry.getKey().split("\\."), entry.getValue());
        }
        String written = mapper.writeValueAsString(root);
        return written.endsWith("\n") ? written : written + "\n";
    }

    private static void set(JsonNode root, String[] path, String value) {
        JsonNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = child(node, path[i]);
            if (next == null || !next.isContainer()) {
                if (!(node instanceof ObjectNode object)) {
                    return; // an array index that does not exist: nothing sensible to create
                }
                next = object.putObject(path[i]);
            }
            node = next;
        }
        String last = path[path.length - 1];
        JsonNode typed = typed(value);
        if (node instanceof ObjectNode object) {
            object.set(last, typed);
        } else if (node instanceof ArrayNode array && last.matches("\\d+") && Integer.parseInt(last) < array.size()) {
            array.set(Integer.parseInt(last), typed);
        }
    }

    private static @Nullable JsonNode child(JsonNode node, String name) {
        if (node instanceof ArrayNode array && name.matches("\\d+")) {
            int index = Integer.parseInt(name);
            return index < array.size() ? array.get(index) : null;
        }
        return node instanceof ObjectNode object ? object.get(name) : null;
    }

    /** "true", "25565" and "0.5" become a boolean and numbers, as Pterodactyl writes them. */
    private static JsonNode typed(String value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value.equals("true") || value.equals("false")) {
            return nodes.booleanNode(Boolean.parseBoolean(value));
        }
        if (NUMBER.matcher(value).matches()) {
            return value.contains(".") ? nodes.numberNode(new java.math.BigDecimal(value)) : nodes.numberNode(Long.parseLong(value));
        }
        return nodes.stringNode(value);
    }

    /**
     * Paths are {@code root.child.grandchild}; a value {@code [name='v']} sets an attribute instead of the text.
     * Documents with a DOCTYPE are refused: no entity of a server's file is ever resolved by the agent.
     */
    static String xml(@Nullable String text, Map<String, String> replace) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = text == null || text.isBlank()
                    ? builder.newDocument()
                    : builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            for (Map.Entry<String, String> entry : replace.entrySet()) {
                String[] path = entry.getKey().split("\\.");
                Element element = document.getDocumentElement();
                if (element == null) {
                    element = document.createElement(path[0]);
                    document.appendChild(element);
                } else if (!element.getTagName().equals(path[0])) {
                    continue; // Pterodactyl paths start at the root element
                }
                for (int i = 1; i < path.length; i++) {
                    Element child = firstChild(element, path[i]);
                    if (child == null) {
                        child = document.createElement(path[i]);
                        element.appendChild(child);
                    }
                    element = child;
                }
                Matcher attribute = XML_ATTRIBUTE.matcher(entry.getValue());
                if (attribute.matches()) {
                    element.setAttribute(attribute.group(1), attribute.group(2));
                } else {
                    element.setTextContent(entry.getValue());
                }
            }
            TransformerFactory transformers = TransformerFactory.newInstance();
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = transformers.newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter writer = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(writer));
            return writer + "\n";
        } catch (CommandFailure e) {
            throw e;
        } catch (Exception e) {
            throw new CommandFailure("config_invalid", "the file is not valid xml: " + e.getMessage(), e);
        }
    }

    private static @Nullable Element firstChild(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<String> linesOf(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(text.lines().toList());
    }
}
