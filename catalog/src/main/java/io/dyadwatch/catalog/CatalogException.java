package io.dyadwatch.catalog;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a catalog cannot be loaded; carries every problem found, not just the first. */
public final class CatalogException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Not serialised: problems are for the caller that loaded the file. */
    private final transient List<CatalogProblem> problems;

    public CatalogException(String origin, List<CatalogProblem> problems) {
        super("invalid catalog " + origin + " (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<CatalogProblem> problems() {
        return problems == null ? List.of() : problems;
    }
}
