package io.dyadwatch.app.trackrecord;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The track record as text: the window and scoring rule once, the turning points, then alerts per dyad. */
public final class TrackRecordTable {

    private TrackRecordTable() {
    }

    /** The table of every dyad, in the given order. */
    public static String format(List<DyadTrackRecord> dyads) {
        StringBuilder out = new StringBuilder();
        out.append("Track record: every bundled record replayed by event time, alerts scored against the turning points\n");
        out.append("of data/history/turning-points.yml (dated from the sources, not from the model).\n");
        out.append("Scoring, for every dyad: a turning point is a HIT when the first statistical alert (scenario-shift,\n");
        out.append("family-shift, probability-level) toward its scenario falls within ").append(TrackRecordScorer.WINDOW_QUARTERS)
                .append(" quarters before or after the\n");
        out.append("quarter it began (lead: the alert came first; lag: after), a MISS otherwise. A statistical alert with no\n");
        out.append("turning point of its scenario within ").append(TrackRecordScorer.WINDOW_QUARTERS)
                .append(" quarters is a FALSE ALARM; later alerts near a hit are repeats.\n");
        out.append("Signature alerts (one event of a far-end kind) are listed apart and never score. In sample: the\n");
        out.append("dyad's reference window, whose years set its baselines; out of sample: every other replayed quarter.\n");
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%-8s %-14s %-8s %-6s %-9s %s%n", "dyad", "scenario", "turn", "result", "timing",
                "alert"));
        out.append("-".repeat(100)).append('\n');
        for (DyadTrackRecord d : dyads) {
            if (d.scores().isEmpty()) {
                out.append(String.format(Locale.ROOT, "%-8s %-14s %-8s %-6s %-9s %s%n", d.dyad(), "-", "none", "-", "-",
                        "(the sources support no turning point)"));
            }
            for (TurningPointScore s : d.scores()) {
                out.append(String.format(Locale.ROOT, "%-8s %-14s %-8s %-6s %-9s %s%n", d.dyad(), s.point().scenario(),
                        s.point().began(), s.hit() ? "hit" : "miss", s.timing(), s.hit() ? s.alert().label() : "-"));
            }
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%-8s %-20s %-20s %-7s %s%n", "dyad", "false alarms in",
                "false alarms out", "repeats", "signature alerts (apart)"));
        out.append(String.format(Locale.ROOT, "%-8s %-20s %-20s %-7s%n", "", "(per dyad-year)", "(per dyad-year)", ""));
        out.append("-".repeat(100)).append('\n');
        long hits = 0;
        long points = 0;
        int falseIn = 0;
        int falseOut = 0;
        int quartersIn = 0;
        int quartersOut = 0;
        for (DyadTrackRecord d : dyads) {
            out.append(String.format(Locale.ROOT, "%-8s %-20s %-20s %-7d %s%n", d.dyad(),
                    rate(d.falseInSample(), d.quartersInSample()), rate(d.falseOutOfSample(), d.quartersOutOfSample()),
                    d.repeats().size(), d.signatures().isEmpty() ? "none"
                            : d.signatures().stream().map(a -> a.period() + " " + a.subject())
                                    .collect(Collectors.joining(", "))));
            hits += d.hits();
            points += d.scores().size();
            falseIn += d.falseInSample();
            falseOut += d.falseOutOfSample();
            quartersIn += d.quartersInSample();
            quartersOut += d.quartersOutOfSample();
        }
        out.append(String.format(Locale.ROOT, "%-8s %-20s %-20s%n", "all", rate(falseIn, quartersIn), rate(falseOut, quartersOut)));
        out.append(String.format(Locale.ROOT, "Turning points hit: %d of %d. False alarms: %d in %s dyad-years in sample, "
                        + "%d in %s out of sample.%n", hits, points, falseIn, years(quartersIn), falseOut, years(quartersOut)));
        for (DyadTrackRecord d : dyads) {
            for (ScoredAlert a : d.falseAlarms()) {
                out.append("  false alarm: ").append(d.dyad()).append(' ').append(a.label()).append('\n');
            }
        }
        return out.toString();
    }

    private static String rate(int alarms, int quarters) {
        return quarters == 0 ? alarms + " in 0 years"
                : String.format(Locale.ROOT, "%d in %s (%.2f)", alarms, years(quarters), alarms / (quarters / 4.0));
    }

    private static String years(int quarters) {
        return quarters % 4 == 0 ? String.valueOf(quarters / 4) : String.format(Locale.ROOT, "%.2f", quarters / 4.0);
    }
}
