package io.dyadwatch.app.backtest;

import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.assessment.Scenario;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest chart as hand-written SVG: scenario probabilities per period (three lines) above, the CUSUM
 * change statistics with their thresholds below, alert markers with tooltips, axis labels and a legend. Generic
 * font family only (no external fonts); no XML declaration, so the same text can be inlined in HTML.
 */
public final class SvgChart {

    static final String STATUS_QUO_COLOR = "#555555";
    static final String WEAKENING_COLOR = "#d55e00";
    static final String STRENGTHENING_COLOR = "#0072b2";

    private static final int WIDTH = 1000;
    private static final int LEFT = 72;
    private static final int RIGHT = 220;
    private static final int TOP = 64;
    private static final int PROB_HEIGHT = 250;
    private static final int GAP = 64;
    private static final int CUSUM_HEIGHT = 190;
    private static final int BOTTOM = 62;
    private static final int HEIGHT = TOP + PROB_HEIGHT + GAP + CUSUM_HEIGHT + BOTTOM;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;

    private SvgChart() {
    }

    /** The chart of a backtest's periods and alerts. */
    public static String render(BacktestResult result) {
        StringBuilder svg = new StringBuilder(32_768);
        List<PeriodRow> periods = result.periods();
        String range = periods.isEmpty() ? "no periods"
                : periods.get(0).period() + " to " + periods.get(periods.size() - 1).period();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>").append(Markup.text("DyadWatch backtest of " + result.dyad() + ", " + range))
                .append("</title>\n");
        svg.append("<desc>").append(Markup.text("Scenario probabilities from each period's evidence (top) and the CUSUM "
                + "change statistics toward weakening and strengthening with their alarm thresholds (bottom); "
                + "triangles mark alerts that would have fired.")).append("</desc>\n");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                LEFT, Markup.text("DyadWatch backtest: " + result.dyad() + ", " + range)));
        if (periods.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">No period to show.</text>%n", LEFT,
                    TOP + PROB_HEIGHT / 2));
            return svg.append("</svg>\n").toString();
        }
        int cusumTop = TOP + PROB_HEIGHT + GAP;
        double cusumMax = cusumScale(result);
        bands(svg, result, cusumTop + CUSUM_HEIGHT);
        probabilityPanel(svg, result);
        cusumPanel(svg, result, cusumTop, cusumMax);
        xAxis(svg, result, cusumTop + CUSUM_HEIGHT);
        periodTooltips(svg, result, cusumTop);
        alertMarkers(svg, result, cusumTop);
        legend(svg, result);
        return svg.append("</svg>\n").toString();
    }

    private static double x(int index, int count) {
        return LEFT + (index + 0.5) * PLOT_WIDTH / count;
    }

    private static double cusumScale(BacktestResult result) {
        double max = Math.max(result.threshold(Scenario.WEAKENING), result.threshold(Scenario.STRENGTHENING));
        for (PeriodRow row : result.periods()) {
            max = Math.max(max, Math.max(row.changeStatistic(Scenario.WEAKENING),
                    row.changeStatistic(Scenario.STRENGTHENING)));
        }
        double nice = Math.ceil(max * 1.1);
        return Double.isFinite(nice) && nice > 0 ? nice : 1;
    }

    private static void probabilityPanel(StringBuilder svg, BacktestResult result) {
        frame(svg, TOP, PROB_HEIGHT);
        for (int i = 0; i <= 4; i++) {
            double value = i / 4.0;
            double y = TOP + PROB_HEIGHT * (1 - value);
            gridLine(svg, y, String.format(Locale.ROOT, "%.2f", value));
        }
        yTitle(svg, TOP, PROB_HEIGHT, "P(scenario), period's evidence");
        List<PeriodRow> periods = result.periods();
        for (Scenario s : Scenario.values()) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < periods.size(); i++) {
                double y = TOP + PROB_HEIGHT * (1 - periods.get(i).probability(s));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, periods.size()), y));
            }
            svg.append(String.format(Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" points=\"%s\"/>%n", color(s),
                    s == Scenario.STATUS_QUO ? "1.5" : "2", points.toString().strip()));
        }
    }

    private static void cusumPanel(StringBuilder svg, BacktestResult result, int top, double max) {
        frame(svg, top, CUSUM_HEIGHT);
        double step = max <= 5 ? 1 : Math.ceil(max / 5);
        for (double value = 0; value <= max + 1e-9; value += step) {
            double y = top + CUSUM_HEIGHT * (1 - value / max);
            gridLine(svg, y, String.format(Locale.ROOT, "%.0f", value));
        }
        yTitle(svg, top, CUSUM_HEIGHT, "CUSUM change statistic");
        List<PeriodRow> periods = result.periods();
        for (Scenario s : List.of(Scenario.WEAKENING, Scenario.STRENGTHENING)) {
            double threshold = result.threshold(s);
            if (Double.isFinite(threshold)) {
                double y = top + CUSUM_HEIGHT * (1 - threshold / max);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
                        + "stroke-width=\"1.2\" stroke-dasharray=\"6 4\"><title>%s</title></line>%n", LEFT, y,
                        LEFT + PLOT_WIDTH, y, color(s), Markup.text(String.format(Locale.ROOT,
                                "alarm threshold toward %s: %.2f", s, threshold))));
            }
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < periods.size(); i++) {
                double y = top + CUSUM_HEIGHT * (1 - periods.get(i).changeStatistic(s) / max);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, periods.size()), y));
            }
            svg.append(String.format(Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", color(s),
                    points.toString().strip()));
        }
    }

    private static void frame(StringBuilder svg, int top, int height) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" "
                + "stroke=\"#999999\"/>%n", LEFT, top, PLOT_WIDTH, height));
    }

    private static void gridLine(StringBuilder svg, double y, String label) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>%n",
                LEFT, y, LEFT + PLOT_WIDTH, y));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#333333\">%s</text>%n",
                LEFT - 6, y + 4, Markup.text(label)));
    }

    private static void yTitle(StringBuilder svg, int top, int height, String title) {
        double cy = top + height / 2.0;
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 18 %.1f)\" fill=\"#333333\">%s</text>%n", cy, cy, Markup.text(title)));
    }

    private static void xAxis(StringBuilder svg, BacktestResult result, int bottom) {
        List<PeriodRow> periods = result.periods();
        int n = periods.size();
        boolean every = n <= 16;
        double lastLabel = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            String period = periods.get(i).period();
            boolean yearStart = result.unit() == PeriodUnit.YEAR || period.endsWith("-Q1") || period.endsWith("-01");
            double x = x(i, n);
            if (!every && !(yearStart && x - lastLabel >= 34)) {
                continue;
            }
            lastLabel = x;
            String label = every ? period : period.substring(0, 4);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999999\"/>%n",
                    x, bottom, x, bottom + 5));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#333333\">%s</text>%n", x, bottom + 18,
                    Markup.text(label)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#333333\">%s</text>%n",
                LEFT + PLOT_WIDTH / 2.0, bottom + 42, Markup.text("Period (" + result.unit().name()
                        .toLowerCase(Locale.ROOT) + ", by event time)" + (every ? "" : "; ticks mark the first period of a year"))));
    }

    /**
     * Behind the panels: the reference window the baselines were counted over (in sample; later periods are out of
     * sample), and every period nobody collected (not observed: no evidence either way), hatched grey.
     */
    private static void bands(StringBuilder svg, BacktestResult result, int bottom) {
        List<PeriodRow> periods = result.periods();
        double width = (double) PLOT_WIDTH / periods.size();
        int first = -1;
        int last = -1;
        for (int i = 0; i < periods.size(); i++) {
            PeriodRow row = periods.get(i);
            if ("in".equals(result.sampleOf(row.period()))) {
                first = first < 0 ? i : first;
                last = i;
            }
            if (row.exposure() == 0) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                        + "fill=\"#bbbbbb\" fill-opacity=\"0.35\"><title>%s</title></rect>%n", LEFT + i * width, TOP,
                        width, bottom - TOP, Markup.text(row.period() + ": not observed")));
            }
        }
        if (first >= 0) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"#4a90d9\" fill-opacity=\"0.07\"/>%n", LEFT + first * width, TOP,
                    (last - first + 1) * width, bottom - TOP));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#4a90d9\">%s</text>%n",
                    LEFT + first * width + 4, TOP + 12, Markup.text("reference window (in sample) "
                            + result.reference().from() + "..." + result.reference().to())));
        }
    }

    /** An invisible column per period whose tooltip gives the period's figures. */
    private static void periodTooltips(StringBuilder svg, BacktestResult result, int cusumTop) {
        List<PeriodRow> periods = result.periods();
        double width = (double) PLOT_WIDTH / periods.size();
        for (int i = 0; i < periods.size(); i++) {
            PeriodRow row = periods.get(i);
            String tip = String.format(Locale.ROOT, "%s: %d event%s%s; P(status quo) %.2f, P(weakening) %.2f, "
                    + "P(strengthening) %.2f; CUSUM weakening %.2f, strengthening %.2f", row.period(), row.events(),
                    row.events() == 1 ? "" : "s", row.exposure() == 0 ? " (not observed)"
                            : row.exposure() < 1 ? String.format(Locale.ROOT, " (%.0f%% of the period observed)",
                                    row.exposure() * 100) : "",
                    row.probability(Scenario.STATUS_QUO), row.probability(Scenario.WEAKENING),
                    row.probability(Scenario.STRENGTHENING), row.changeStatistic(Scenario.WEAKENING),
                    row.changeStatistic(Scenario.STRENGTHENING));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"#000000\" fill-opacity=\"0\"><title>%s</title></rect>%n", LEFT + i * width, TOP, width,
                    cusumTop + CUSUM_HEIGHT - TOP, Markup.text(tip)));
        }
    }

    private static void alertMarkers(StringBuilder svg, BacktestResult result, int cusumTop) {
        List<PeriodRow> periods = result.periods();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            index.put(periods.get(i).period(), i);
        }
        Map<String, Integer> stacked = new HashMap<>();
        for (BacktestAlert alert : result.alerts()) {
            Integer i = index.get(alert.period());
            if (i == null) {
                continue;
            }
            int level = stacked.merge(alert.period(), 1, Integer::sum) - 1;
            double x = x(i, periods.size());
            double y = TOP - 6 - level * 11;
            String color = alert.alert().scenario() == null ? STATUS_QUO_COLOR : color(alert.alert().scenario());
            if (level == 0) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                        + "stroke-width=\"1\" stroke-dasharray=\"2 3\"/>%n", x, TOP, x, cusumTop + CUSUM_HEIGHT, color));
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f l -5 -9 l 10 0 z\" fill=\"%s\" stroke=\"#222222\" "
                    + "stroke-width=\"0.6\"><title>%s</title></path>%n", x, y, color, Markup.text(tooltip(alert))));
        }
    }

    static String tooltip(BacktestAlert alert) {
        StringBuilder tip = new StringBuilder();
        tip.append(alert.period()).append(' ').append(alert.alert().severity().name()).append(' ')
                .append(alert.alert().rule()).append(": ").append(alert.alert().summary());
        if (alert.resolvedPeriod() != null) {
            tip.append(" (resolved ").append(alert.resolvedPeriod()).append(')');
        }
        alert.alert().evidence().stream().limit(3).forEach(e -> tip.append("\n- ")
                .append(e.occurredAt().toString(), 0, 10).append(' ').append(e.type()).append(": ").append(e.summary())
                .append(" (").append(e.sourceName()).append(", ").append(e.grade()).append(')'));
        return tip.toString();
    }

    private static void legend(StringBuilder svg, BacktestResult result) {
        int x = LEFT + PLOT_WIDTH + 18;
        int y = TOP + 8;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">Legend</text>%n", x, y));
        y += 20;
        for (Scenario s : Scenario.values()) {
            legendLine(svg, x, y, color(s), null, "P(" + label(s) + ")");
            y += 18;
        }
        y += 8;
        for (Scenario s : List.of(Scenario.WEAKENING, Scenario.STRENGTHENING)) {
            legendLine(svg, x, y, color(s), null, "CUSUM " + label(s));
            y += 18;
            legendLine(svg, x, y, color(s), "6 4", String.format(Locale.ROOT, "alarm threshold %.2f", result.threshold(s)));
            y += 18;
        }
        y += 8;
        svg.append(String.format(Locale.ROOT, "<path d=\"M %d %d l -5 -9 l 10 0 z\" fill=\"%s\" stroke=\"#222222\" "
                + "stroke-width=\"0.6\"/>%n", x + 12, y + 4, STRENGTHENING_COLOR));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">alert (colour: scenario;</text>%n", x + 30, y));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">hover for details)</text>%n", x + 30, y + 15));
        y += 38;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555555\">%d alert%s fired</text>%n", x, y,
                result.alerts().size(), result.alerts().size() == 1 ? "" : "s"));
    }

    private static void legendLine(StringBuilder svg, int x, int y, String color, String dash, String label) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"2\"%s/>%n", x, y - 4, x + 24, y - 4, color,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 30, y, Markup.text(label)));
    }

    static String label(Scenario s) {
        switch (s) {
            case WEAKENING:
                return "weakening";
            case STRENGTHENING:
                return "strengthening";
            default:
                return "status quo";
        }
    }

    static String color(Scenario s) {
        switch (s) {
            case WEAKENING:
                return WEAKENING_COLOR;
            case STRENGTHENING:
                return STRENGTHENING_COLOR;
            default:
                return STATUS_QUO_COLOR;
        }
    }
}
