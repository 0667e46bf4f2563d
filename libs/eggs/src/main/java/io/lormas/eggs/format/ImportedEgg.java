package io.lormas.eggs.format;

import java.util.List;
import java.util.Objects;

import io.lormas.eggs.Egg;

/** An egg read from a file, with the format it was in and what looked odd. */
public record ImportedEgg(Egg egg, EggFormat format, Syntax syntax, List<ImportWarning> warnings) {

    public ImportedEgg {
        Objects.requireNonNull(egg, "egg");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(syntax, "syntax");
        warnings = List.copyOf(warnings);
    }
}
