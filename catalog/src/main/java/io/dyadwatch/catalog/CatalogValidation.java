package io.dyadwatch.catalog;

import io.dyadwatch.catalog.load.CatalogReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code catalog validate} logic: every problem of a catalog file, with line, field and message. */
public final class CatalogValidation {

    private CatalogValidation() {
    }

    /** Every problem in the file, in file order; empty when the catalog is valid. A file that cannot be read is one problem at line 0. */
    public static List<CatalogProblem> validate(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(new CatalogProblem(0, "", "cannot read " + file + ": " + e));
        }
        return validate(text);
    }

    /** Every problem in YAML text, in file order. */
    public static List<CatalogProblem> validate(String yaml) {
        return CatalogReader.problems(yaml);
    }
}
