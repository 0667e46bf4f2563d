package io.lormas.eggs.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** The Jackson mappers eggs are read and written with (thread-safe, shared). */
final class Codecs {

    /** Strict JSON, as PHP's json_decode: no comments, trailing commas or unknown escapes. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .build();

    private static final Pattern FOUND =
            Pattern.compile("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");
    private static final Pattern CONTROL =
            Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern ESCAPE =
            Pattern.compile("^Unrecognized character escape '(.+?)'");

    private Codecs() {
    }

    static JsonNode parse(String text, Syntax syntax) throws JacksonException {
        return syntax == Syntax.JSON ? JSON.readTree(text) : YAML.readTree(text);
    }

    /**
     * The parser's complaint in plain words, without location (reported separately): common JSON
     * mistakes are named ("a comma is missing between two properties"); for YAML the sentences of
     * SnakeYAML are kept without its "in reader, line..." context and source excerpt.
     */
    static String problem(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        String first = message.lines().findFirst().orElse("").strip();
        Matcher control = CONTROL.matcher(first);
        if (control.find()) {
            return "a control character (code " + control.group(1) + ", e.g. a raw line break or tab) inside a"
                    + " string must be escaped (\\n, \\t...)";
        }
        Matcher escape = ESCAPE.matcher(first);
        if (escape.find()) {
            return "'\\" + escape.group(1) + "' is not a valid escape in a JSON string (write \\\\ for a backslash)";
        }
        String found = "";
        Matcher unexpected = FOUND.matcher(first);
        if (unexpected.find()) {
            found = " (found '" + unexpected.group(1) + "')";
        }
        if (first.contains("was expecting comma to separate Object entries")) {
            return "a comma is missing between two properties" + found;
        }
        if (first.contains("was expecting comma to separate Array entries")) {
            return "a comma is missing between two list items" + found;
        }
        if (first.contains("was expecting double-quote to start property name")) {
            return "expected a property name in double quotes, e.g. after a trailing comma" + found;
        }
        if (first.startsWith("Unexpected end-of-input")) {
            return "the file ends too early: an object, list or string is not closed";
        }
        StringBuilder kept = new StringBuilder();
        for (String line : message.split("\n")) {
            if (line.isBlank() || line.startsWith(" ")) {
                continue; // SnakeYAML's " in reader, line..." context, excerpt and caret lines
            }
            if (!kept.isEmpty()) {
                kept.append("; ");
            }
            kept.append(line.strip());
        }
        return kept.toString().replaceAll(" \\(code \\d+\\)", "");
    }
}
