package io.dyadwatch.catalog.sim;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.Indicator;
import io.dyadwatch.catalog.model.PoissonMath;
import io.dyadwatch.catalog.model.Quarter;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Draws events from the scenario model: for every quarter (or part of a quarter) in the request and every indicator,
 * a Poisson number of events with mean baseline x relative rate x (days covered / days in the quarter), each a copy
 * of the indicator's example event on a uniformly drawn day. Events are sorted by day and numbered
 * {@code sim:<seed>:<n>} from 1. The same catalog and request give the same events.
 *
 * <p>The source is {@value #SOURCE_NAME}, graded {@link #GRADE} by default: the draws are made at the model's own
 * rates, so they must count with weight 1 for the counts to sit on the baseline's scale (a lower grade would scale
 * them down and look like a weakening). Pass another grade to study the effect of grading.
 */
public final class Simulator {

    /** The source name of simulated events. */
    public static final String SOURCE_NAME = "DyadWatch simulator";

    /** The default grade of simulated events: A1, weight 1 with the shipped weights. */
    public static final Grade GRADE = new Grade('A', 1);

    private final Catalog catalog;
    private final ScenarioModel model;
    private final Grade grade;

    /** A simulator of the catalog's model, grading its events {@link #GRADE}. */
    public Simulator(ScenarioModel model) {
        this(model, GRADE);
    }

    /** A simulator grading its events {@code grade}. */
    public Simulator(ScenarioModel model, Grade grade) {
        this.model = Objects.requireNonNull(model, "model");
        this.catalog = model.catalog();
        this.grade = Objects.requireNonNull(grade, "grade");
    }

    /** The simulated events, in time order. */
    public List<Event> simulate(SimulationRequest request) {
        catalog.dyad(request.dyad());
        SplittableRandom random = new SplittableRandom(request.seed());
        List<Draft> drafts = new ArrayList<>();
        for (Quarter q = Quarter.of(request.from()); q.start().isBefore(request.to()); q = q.next()) {
            LocalDate start = max(q.start(), request.from());
            LocalDate end = min(q.endExclusive(), request.to());
            if (request.shiftAt() != null && request.shiftAt().isAfter(start) && request.shiftAt().isBefore(end)) {
                draw(request, q, start, request.shiftAt(), random, drafts);
                draw(request, q, request.shiftAt(), end, random, drafts);
            } else {
                draw(request, q, start, end, random, drafts);
            }
        }
        drafts.sort(Comparator.comparing(Draft::day).thenComparingInt(Draft::order));
        List<Event> events = new ArrayList<>(drafts.size());
        Source source = new Source(SOURCE_NAME, null, grade);
        for (int n = 0; n < drafts.size(); n++) {
            Draft d = drafts.get(n);
            Indicator i = d.indicator();
            String summary = "Simulated (" + d.scenario() + ", " + request.dyad() + "): "
                    + (i.example().summary().isBlank() ? i.description() : i.example().summary());
            events.add(new Event("sim:" + request.seed() + ":" + (n + 1), i.example().type(), request.dyad().members(),
                    d.day().atStartOfDay().toInstant(ZoneOffset.UTC), null, source, i.example().attributes(), summary));
        }
        return events;
    }

    private void draw(SimulationRequest request, Quarter quarter, LocalDate start, LocalDate end, SplittableRandom random,
                      List<Draft> out) {
        long days = ChronoUnit.DAYS.between(start, end);
        double share = (double) days / quarter.days();
        Scenario scenario = request.scenarioOn(start);
        for (Indicator i : catalog.indicators()) {
            double mean = model.expectedCount(request.dyad(), i.id(), scenario) * share;
            int count = PoissonMath.sample(mean, random);
            for (int k = 0; k < count; k++) {
                LocalDate day = start.plusDays(random.nextLong(days));
                out.add(new Draft(day, out.size(), i, scenario));
            }
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private record Draft(LocalDate day, int order, Indicator indicator, Scenario scenario) {
    }
}
