package io.dyadwatch.catalog;

import io.dyadwatch.model.assessment.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * A scenario as the catalog describes it.
 *
 * @param scenario    which of the three futures
 * @param title       short title
 * @param description what the future looks like
 * @param citations   at least one seed citation
 */
public record ScenarioDefinition(Scenario scenario, String title, String description, List<Citation> citations) {

    public ScenarioDefinition {
        Objects.requireNonNull(scenario, "scenario");
        Citation.requireText(title, "title");
        Citation.requireText(description, "description");
        citations = List.copyOf(citations);
        if (citations.isEmpty()) {
            throw new IllegalArgumentException("scenario " + scenario + " needs at least one citation");
        }
    }
}
