package io.dyadwatch.app.backtest;

import io.dyadwatch.model.assessment.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest's summary, per year or per period: events, most likely scenario, P(weakening), P(strengthening),
 * change statistics and alerts fired, then totals. A year's probabilities are the means of its periods' and its
 * change statistics the highest its periods reached (an alarm fires on the peak, not the year-end value).
 */
public final class SummaryTable {

    /**
     * One row.
     *
     * @param label         year or period
     * @param periods       periods in the row
     * @param events        distinct events
     * @param mostLikely    the scenario with the highest (mean) probability
     * @param probabilities (mean) scenario probabilities
     * @param weakening     (peak) change statistic toward weakening
     * @param strengthening (peak) change statistic toward strengthening
     * @param alerts        alerts fired
     */
    public record Row(String label, int periods, long events, Scenario mostLikely, Map<Scenario, Double> probabilities,
            double weakening, double strengthening, int alerts) {
    }

    private SummaryTable() {
    }

    /** The rows: one per period when {@code perPeriod}, else one per year. */
    public static List<Row> rows(BacktestResult result, boolean perPeriod) {
        Map<String, List<PeriodRow>> groups = new LinkedHashMap<>();
        for (PeriodRow row : result.periods()) {
            String key = perPeriod ? row.period() : row.period().substring(0, 4);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((label, members) -> {
            Map<Scenario, Double> mean = new LinkedHashMap<>();
            for (Scenario s : Scenario.values()) {
                mean.put(s, members.stream().mapToDouble(r -> r.probability(s)).average().orElse(0));
            }
            Scenario likely = Scenario.STATUS_QUO;
            for (Scenario s : Scenario.values()) {
                if (mean.get(s) > mean.get(likely)) {
                    likely = s;
                }
            }
            int alerts = members.stream().mapToInt(r -> result.alertsIn(r.period()).size()).sum();
            rows.add(new Row(label, members.size(), members.stream().mapToLong(PeriodRow::events).sum(), likely, mean,
                    members.stream().mapToDouble(r -> r.changeStatistic(Scenario.WEAKENING)).max().orElse(0),
                    members.stream().mapToDouble(r -> r.changeStatistic(Scenario.STRENGTHENING)).max().orElse(0),
                    alerts));
        });
        return rows;
    }

    /** "in" or "out" of sample for a row (a year is "in" when any of its quarters is, "out" when all are after). */
    private static String sample(BacktestResult result, String label) {
        if (label.length() > 4) {
            return result.sampleOf(label);
        }
        String first = result.sampleOf(label + "-Q1");
        String last = result.sampleOf(label + "-Q4");
        return "in".equals(first) || "in".equals(last) ? "in" : last;
    }

    /** The table as text for a terminal. */
    public static String format(BacktestResult result, boolean perPeriod) {
        StringBuilder out = new StringBuilder();
        String unit = perPeriod ? "period" : "year";
        out.append(String.format(Locale.ROOT, "Backtest of %s (%s), thresholds: weakening %.2f, strengthening %.2f%n",
                result.dyad(), perPeriod ? "per period" : "per year: mean P, peak CUSUM",
                result.threshold(Scenario.WEAKENING), result.threshold(Scenario.STRENGTHENING)));
        if (result.reference() != null) {
            out.append(String.format(Locale.ROOT, "Baselines counted over %s..%s (in sample); later periods are out of "
                    + "sample%n", result.reference().from(), result.reference().to()));
        }
        String header = String.format(Locale.ROOT, "%-8s %-6s %6s  %-13s %6s %6s  %7s %7s  %6s%n", unit, "sample",
                "events", "most likely", "P(W)", "P(S)", "CUSUM W", "CUSUM S", "alerts");
        out.append(header);
        out.append("-".repeat(header.strip().length())).append(System.lineSeparator());
        for (Row row : rows(result, perPeriod)) {
            out.append(String.format(Locale.ROOT, "%-8s %-6s %6d  %-13s %6.2f %6.2f  %7.2f %7.2f  %6s%n", row.label(),
                    sample(result, row.label()), row.events(), SvgChart.label(row.mostLikely()), row.probabilities().get(Scenario.WEAKENING),
                    row.probabilities().get(Scenario.STRENGTHENING), row.weakening(), row.strengthening(),
                    row.alerts() == 0 ? "" : String.valueOf(row.alerts())));
        }
        out.append(String.format(Locale.ROOT, "%-8s %-6s %6d  %-13s %6s %6s  %7s %7s  %6d%n", "total", "",
                result.eventsInWindow(), "", "", "", "", "", result.alerts().size()));
        if (result.reference() != null) {
            long in = result.alerts().stream().filter(a -> "in".equals(result.sampleOf(a.period()))).count();
            long outOfSample = result.alerts().stream().filter(a -> "out".equals(result.sampleOf(a.period()))).count();
            out.append(String.format(Locale.ROOT, "Alerts: %d in sample, %d out of sample, %d before the window%n", in,
                    outOfSample, result.alerts().size() - in - outOfSample));
        }
        out.append(totals(result));
        return out.toString();
    }

    /** The totals in words: inputs, lines, refused, replayed, periods, alerts. */
    public static String totals(BacktestResult result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Inputs: %s%n", String.join("; ", result.inputs())));
        out.append(String.format(Locale.ROOT, "Lines: %d read, %d accepted, %d refused by the event contract%s%n",
                result.lines(), result.accepted(), result.refused().size(),
                result.refused().isEmpty() ? "" : " (listed above, and in the report)"));
        out.append(String.format(Locale.ROOT, "Events: %d concern %s%s; %d distinct in the periods shown "
                + "(after de-duplication and corroboration)%n", result.forDyad(), result.dyad(),
                result.afterWindow() == 0 ? "" : String.format(Locale.ROOT, " (%d after --to, not replayed)",
                        result.afterWindow()), result.eventsInWindow()));
        long resolved = result.alerts().stream().filter(a -> a.resolvedPeriod() != null).count();
        out.append(String.format(Locale.ROOT, "Periods: %d%s; alerts fired: %d (%d resolved by the end)%n",
                result.periods().size(), result.periods().isEmpty() ? "" : " (" + result.periods().get(0).period()
                        + " to " + result.periods().get(result.periods().size() - 1).period() + ")",
                result.alerts().size(), resolved));
        return out.toString();
    }
}
