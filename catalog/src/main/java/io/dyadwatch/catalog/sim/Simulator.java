package io.dyadwatch.catalog.sim;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.model.EventKinds;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Draws events from the scenario model, as real-world events of the dyad's {@link EventKinds}: a rich exercise of the
 * reference record is drawn as one event that counts for all its indicators, exactly as the record's did.
 *
 * <p>For every quarter (or part of one) in the request and every kind, a Poisson number of events with mean
 * kind rate x (days covered / days in the quarter) x the quarter's Gamma multiplier of the kind's family (mean 1,
 * shape the family's NB size; none for Poisson counts or for a dyad without estimated dispersion), each a copy of the
 * kind's template on a uniformly drawn day, with the dyad's members as actors and a {@code name} of its own (so that
 * two simulated events are never merged as one). Rates are those of the scenario in force: every indicator's under a
 * whole-scenario shift, the family's alone under a family shift.
 *
 * <p><b>Reporting.</b> Rates are rates of real events; the request's {@link SourceMix} says how each is reported: one
 * report of the mix's grade, and with the mix's corroboration probability a second report by another source a day later
 * (graded F6; the pipeline merges the two). A source-mix shift changes the reporting, not the activity. Reports are
 * numbered {@code sim:<seed>:<n>} in time order from 1. The same catalog and request give the same reports.
 */
public final class Simulator {

    /** The source name of simulated reports. */
    public static final String SOURCE_NAME = "DyadWatch simulator";

    /** The source name of the corroborating second reports. */
    public static final String SECOND_SOURCE_NAME = "DyadWatch simulator, second source";

    /** The default grade of simulated events: A1. */
    public static final Grade GRADE = SourceMix.A1.grade();

    private static final Grade SECOND_GRADE = Grade.UNGRADED;

    private final Catalog catalog;
    private final ScenarioModel model;

    /** A simulator of the catalog's model. */
    public Simulator(ScenarioModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.catalog = model.catalog();
    }

    /** The simulated reports, in time order. */
    public List<Event> simulate(SimulationRequest request) {
        catalog.dyad(request.dyad());
        if (request.shiftFamily() != null) {
            catalog.indicatorsOf(request.shiftFamily());
        }
        EventKinds base = EventKinds.of(model, request.dyad());
        EventKinds before = base.under(model, request.dyad(),
                EventKinds.multipliers(model, request.dyad(), request.scenario(), null));
        EventKinds after = request.shiftTo() == null ? before : base.under(model, request.dyad(), shifted(request));
        SplittableRandom random = new SplittableRandom(request.seed());
        List<Draft> drafts = new ArrayList<>();
        for (Quarter q = Quarter.of(request.from()); q.start().isBefore(request.to()); q = q.next()) {
            Map<String, Double> multipliers = familyMultipliers(request, random);
            LocalDate start = max(q.start(), request.from());
            LocalDate end = min(q.endExclusive(), request.to());
            LocalDate segmentStart = start;
            for (LocalDate cut : cuts(request, start, end)) {
                draw(request, q, segmentStart, cut, request.shiftedOn(segmentStart) ? after : before, multipliers,
                        random, drafts);
                segmentStart = cut;
            }
        }
        drafts.sort(Comparator.comparing(Draft::day).thenComparingInt(Draft::order));
        return reports(request, drafts);
    }

    private Map<String, Double> shifted(SimulationRequest request) {
        Map<String, Double> m = EventKinds.multipliers(model, request.dyad(), request.scenario(), null);
        m.putAll(EventKinds.multipliers(model, request.dyad(), request.shiftTo(), request.shiftFamily()));
        if (request.shiftFamily() != null) {
            Map<String, Double> base = EventKinds.multipliers(model, request.dyad(), request.scenario(), null);
            catalog.indicators().stream().filter(i -> !i.family().equals(request.shiftFamily()))
                    .forEach(i -> m.put(i.id(), base.get(i.id())));
        }
        return m;
    }

    private Map<String, Double> familyMultipliers(SimulationRequest request, SplittableRandom random) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String family : catalog.families().keySet()) {
            double k = catalog.dyad(request.dyad()).dispersion(family);
            m.put(family, request.overdispersed() && !Double.isInfinite(k) ? PoissonMath.sampleGammaMultiplier(k, random) : 1);
        }
        return m;
    }

    /** The ends of the segments of a quarter: the shift days inside it, then its end. */
    private static List<LocalDate> cuts(SimulationRequest request, LocalDate start, LocalDate end) {
        TreeSet<LocalDate> cuts = new TreeSet<>();
        for (LocalDate d : new LocalDate[] {request.shiftAt(), request.sourceShiftAt()}) {
            if (d != null && d.isAfter(start) && d.isBefore(end)) {
                cuts.add(d);
            }
        }
        cuts.add(end);
        return List.copyOf(cuts);
    }

    private void draw(SimulationRequest request, Quarter quarter, LocalDate start, LocalDate end, EventKinds kinds,
                      Map<String, Double> multipliers, SplittableRandom random, List<Draft> out) {
        long days = ChronoUnit.DAYS.between(start, end);
        double share = (double) days / quarter.days();
        for (EventKinds.Kind kind : kinds.kinds()) {
            int count = PoissonMath.sample(kind.rate() * share * multipliers.get(kind.family()), random);
            for (int k = 0; k < count; k++) {
                LocalDate day = start.plusDays(random.nextLong(days));
                SourceMix mix = request.sourcesOn(day);
                // always one draw, so that the activity is the same whatever the source mix
                boolean second = random.nextDouble() < mix.corroboration();
                out.add(new Draft(day, out.size(), kind, request.scenarioOn(day), mix.grade(), second));
            }
        }
    }

    private List<Event> reports(SimulationRequest request, List<Draft> drafts) {
        record Report(LocalDate day, int event, boolean second) {
        }
        List<Report> reports = new ArrayList<>();
        for (int n = 0; n < drafts.size(); n++) {
            reports.add(new Report(drafts.get(n).day(), n, false));
            if (drafts.get(n).secondSource()) {
                reports.add(new Report(drafts.get(n).day().plusDays(1), n, true));
            }
        }
        reports.sort(Comparator.comparing(Report::day).thenComparingInt(Report::event));
        List<Event> events = new ArrayList<>(reports.size());
        for (Report r : reports) {
            Draft d = drafts.get(r.event());
            EventKinds.Kind kind = d.kind();
            Map<String, Object> attributes = new LinkedHashMap<>(kind.attributes());
            Object name = attributes.get("name");
            attributes.put("name", (name == null ? kind.type().name().toLowerCase(Locale.ROOT) : name)
                    + " (simulated " + (r.event() + 1) + ")");
            String summary = "Simulated (" + d.scenario() + ", " + request.dyad() + "): "
                    + (kind.summary().isBlank() ? String.join(", ", kind.indicators()) : kind.summary());
            Source source = r.second() ? new Source(SECOND_SOURCE_NAME, null, SECOND_GRADE)
                    : new Source(SOURCE_NAME, null, d.grade());
            events.add(new Event("sim:" + request.seed() + ":" + (events.size() + 1), kind.type(),
                    request.dyad().members(), r.day().atStartOfDay().toInstant(ZoneOffset.UTC), null, source,
                    attributes, summary));
        }
        return events;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private record Draft(LocalDate day, int order, EventKinds.Kind kind, Scenario scenario, Grade grade,
                         boolean secondSource) {
    }
}
