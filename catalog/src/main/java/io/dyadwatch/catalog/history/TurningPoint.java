package io.dyadwatch.catalog.history;

import io.dyadwatch.catalog.model.Quarter;
import io.dyadwatch.model.assessment.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * A dated move of a dyad toward a scenario, as a careful reader of the public record dates it
 * ({@code data/history/turning-points.yml}).
 *
 * @param dyad     the dyad, like PRK-RUS
 * @param scenario the scenario moved toward (WEAKENING or STRENGTHENING; the status quo is no turn)
 * @param began    the quarter it began
 * @param sources  the reports that date it, at least one
 * @param why      one sentence why
 */
public record TurningPoint(String dyad, Scenario scenario, Quarter began, List<String> sources, String why) {

    public TurningPoint {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(began, "began");
        if (scenario == Scenario.STATUS_QUO) {
            throw new IllegalArgumentException("a turning point moves toward WEAKENING or STRENGTHENING, not STATUS_QUO");
        }
        sources = List.copyOf(sources);
        if (sources.isEmpty() || sources.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a turning point of " + dyad + " needs at least one source, none blank");
        }
        Objects.requireNonNull(why, "why");
        if (why.isBlank()) {
            throw new IllegalArgumentException("a turning point of " + dyad + " needs a sentence saying why");
        }
    }
}
