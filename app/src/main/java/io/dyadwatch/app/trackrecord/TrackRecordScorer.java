package io.dyadwatch.app.trackrecord;

import io.dyadwatch.catalog.history.TurningPoint;
import io.dyadwatch.catalog.history.TurningPoints;
import io.dyadwatch.catalog.model.Quarter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Scores a replay's alerts against a dyad's turning points.
 *
 * <p><b>Rule.</b> A turning point is <i>hit</i> by the first (earliest period) statistical alert toward its scenario
 * within {@value #WINDOW_QUARTERS} quarters before or after the quarter it began, and <i>missed</i> when there is none;
 * the hit's lead or lag is the distance in quarters. A statistical alert toward a scenario with no turning point of that
 * scenario within the window is a <i>false alarm</i>; the window's other statistical alerts are <i>repeats</i> of the
 * hit, counted as neither. Signature alerts (a single event) are listed apart and never score.
 *
 * <p><b>Window.</b> Four quarters each side: the model's horizon (its trailing probability covers four quarters, and
 * the probability-level rule reads it), and the precision of the sources, which date a turn to a season of a year.
 * A warning more than a year early or late is not a warning of that turn.
 */
public final class TrackRecordScorer {

    /** Quarters before and after a turning point in which an alert scores for it. */
    public static final int WINDOW_QUARTERS = 4;

    private TrackRecordScorer() {
    }

    /**
     * The track record of one dyad.
     *
     * @param dyad      the dyad
     * @param points    its turning points (none: an empty list)
     * @param none      why it has none, or null
     * @param alerts    the replay's alerts of the dyad, in firing order
     * @param reference the reference window's first and last quarter (in sample)
     * @param replayed  the first and last quarter replayed
     */
    public static DyadTrackRecord score(String dyad, List<TurningPoint> points, String none, List<ScoredAlert> alerts,
            QuarterSpan reference, QuarterSpan replayed) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(replayed, "replayed");
        new TurningPoints(java.util.Map.of(dyad, points), java.util.Map.of()).requireApart(2 * WINDOW_QUARTERS);
        List<ScoredAlert> statistical = alerts.stream().filter(ScoredAlert::statistical)
                .sorted(Comparator.comparing(ScoredAlert::period)).toList(); // stable: firing order within a quarter
        List<TurningPointScore> scores = new ArrayList<>();
        List<ScoredAlert> repeats = new ArrayList<>();
        for (TurningPoint point : points) {
            List<ScoredAlert> near = statistical.stream()
                    .filter(a -> a.scenario() == point.scenario() && within(point.began(), a.period())).toList();
            scores.add(new TurningPointScore(point, near.isEmpty() ? null : near.get(0)));
            if (near.size() > 1) {
                repeats.addAll(near.subList(1, near.size()));
            }
        }
        List<ScoredAlert> falseAlarms = statistical.stream()
                .filter(a -> points.stream().noneMatch(p -> p.scenario() == a.scenario() && within(p.began(), a.period())))
                .toList();
        int falseInSample = (int) falseAlarms.stream().filter(a -> reference.contains(a.period())).count();
        int overlap = replayed.overlap(reference);
        List<ScoredAlert> signatures = alerts.stream().filter(ScoredAlert::signature).toList();
        return new DyadTrackRecord(dyad, scores, falseAlarms, repeats, signatures, overlap,
                replayed.quarters() - overlap, falseInSample, points.isEmpty() ? none : null);
    }

    private static boolean within(Quarter turn, Quarter alert) {
        return Math.abs(TurningPoints.quartersBetween(turn, alert)) <= WINDOW_QUARTERS;
    }
}
