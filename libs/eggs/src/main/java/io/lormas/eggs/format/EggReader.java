package io.lormas.eggs.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an egg file of any supported format into an {@link io.lormas.eggs.Egg}. Thread-safe.
 *
 * <p>The syntax is detected from the content ({@link Syntax#of}), the format from
 * {@code meta.version}. Everything that makes the file unusable is reported at once in an
 * {@link EggImportException}; what is merely odd becomes an {@link ImportWarning}.
 */
public final class EggReader {

    private final ImportSettings settings;

    public EggReader() {
        this(ImportSettings.defaults());
    }

    public EggReader(ImportSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Reads an egg file as received (UTF-8, optionally with a byte order mark).
     *
     * @throws EggImportException when the file cannot be imported; never returns null
     */
    public ImportedEgg read(byte[] content) {
        Objects.requireNonNull(content, "content");
        if (content.length > settings.maxBytes()) {
            throw EggImportException.tooLarge(content.length, settings.maxBytes());
        }
        return readText(decode(content));
    }

    /**
     * Reads an egg file already decoded to text.
     *
     * @throws EggImportException when the file cannot be imported; never returns null
     */
    public ImportedEgg read(String content) {
        Objects.requireNonNull(content, "content");
        long bytes = utf8Length(content);
        if (bytes > settings.maxBytes()) {
            throw EggImportException.tooLarge(bytes, settings.maxBytes());
        }
        return readText(content);
    }

    private ImportedEgg readText(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (text.isBlank()) {
            throw EggImportException.malformed("The egg file is empty (line 1, column 1).", 1, 1);
        }
        Syntax syntax = Syntax.of(text);
        JsonNode root;
        try {
            root = Codecs.parse(text, syntax);
        } catch (JacksonException e) {
            var location = e.getLocation();
            int line = location == null ? 1 : Math.max(1, location.getLineNr());
            int column = location == null ? 1 : Math.max(1, location.getColumnNr());
            throw EggImportException.malformed(syntax, line, column, Codecs.problem(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw EggImportException.malformed("The egg file is empty (line 1, column 1).", 1, 1);
        }
        if (!root.isObject()) {
            throw EggImportException.unsupported("This is not an egg: the document is " + article(root)
                    + ", not an object with meta.version.");
        }
        JsonNode version = root.path("meta").path("version");
        if (!version.isString() || version.stringValue().isBlank()) {
            throw EggImportException.unsupported("This is not an egg in a known format: it has no meta.version.");
        }
        EggFormat format = EggFormat.fromId(version.stringValue().strip())
                .orElseThrow(() -> EggImportException.unsupported("The egg format '" + version.stringValue()
                        + "' (meta.version) is not supported."));
        return new EggTreeReader(root, format, syntax, settings).read();
    }

    private static String article(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isString()) {
            return "a single text";
        }
        if (node.isNumber()) {
            return "a single number";
        }
        return "a single " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
    }

    private static String decode(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (content[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = offset - lineStart + 1;
            throw EggImportException.malformed("The egg is not UTF-8 text: invalid byte 0x"
                    + Integer.toHexString(content[offset] & 0xff) + " at line " + line + ", column " + column + ".",
                    line, column);
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
