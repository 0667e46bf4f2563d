package io.lormas.eggs.format;

/** How an egg file is written. */
public enum Syntax {
    JSON,
    YAML;

    /**
     * Guesses the syntax from the text: a document whose first significant character is {@code {}
     * or {@code [} is JSON (and must then be valid JSON), anything else YAML.
     */
    public static Syntax of(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' || c == '[' ? JSON : YAML;
        }
        return YAML;
    }
}
