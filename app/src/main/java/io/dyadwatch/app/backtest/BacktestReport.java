package io.dyadwatch.app.backtest;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadwatch.model.assessment.Citation;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.json.Json;
import io.dyadwatch.producer.JsonLinesPublisher;
import io.dyadwatch.producer.PublishReport.RefusedLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a backtest's report into a directory: {@code periods.csv}, {@code alerts.json}, {@code chart.svg} and a
 * self-contained {@code index.html} (chart inlined, alert table with evidence, summary). All text that came from
 * events is escaped.
 */
public final class BacktestReport {

    /** The CSV header, one column per figure of a period. */
    public static final String CSV_HEADER = "dyad,period,exposure,events,p_status_quo,p_weakening,p_strengthening,"
            + "most_likely,cusum_weakening,cusum_strengthening,threshold_weakening,threshold_strengthening,alerts_fired";

    private BacktestReport() {
    }

    /**
     * Writes the four files, creating the directory when missing; returns the HTML page.
     *
     * @param perPeriod summary per period rather than per year
     */
    public static Path write(BacktestResult result, Path dir, boolean perPeriod) throws IOException {
        Files.createDirectories(dir);
        String svg = SvgChart.render(result);
        write(dir.resolve("periods.csv"), csv(result));
        write(dir.resolve("alerts.json"), alertsJson(result));
        write(dir.resolve("chart.svg"), svg);
        Path html = dir.resolve("index.html");
        write(html, html(result, svg, perPeriod));
        return html;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** periods.csv: one row per period. */
    public static String csv(BacktestResult result) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (PeriodRow row : result.periods()) {
            out.append(String.join(",", Markup.csv(result.dyad()), Markup.csv(row.period()), number(row.exposure()),
                    String.valueOf(row.events()), number(row.probability(Scenario.STATUS_QUO)),
                    number(row.probability(Scenario.WEAKENING)), number(row.probability(Scenario.STRENGTHENING)),
                    row.mostLikely().name(), number(row.changeStatistic(Scenario.WEAKENING)),
                    number(row.changeStatistic(Scenario.STRENGTHENING)), number(result.threshold(Scenario.WEAKENING)),
                    number(result.threshold(Scenario.STRENGTHENING)),
                    String.valueOf(result.alertsIn(row.period()).size()))).append('\n');
        }
        return out.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** alerts.json: the dyad, thresholds and every alert fired, with evidence, rationale and resolution. */
    public static String alertsJson(BacktestResult result) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("dyad", result.dyad());
        root.put("from", result.periods().isEmpty() ? null : result.periods().get(0).period());
        root.put("to", result.periods().isEmpty() ? null : result.periods().get(result.periods().size() - 1).period());
        ObjectNode thresholds = root.putObject("thresholds");
        result.thresholds().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> thresholds.put(e.getKey().name(), e.getValue()));
        ArrayNode alerts = root.putArray("alerts");
        for (BacktestAlert alert : result.alerts()) {
            alerts.add(Json.MAPPER.valueToTree(alert));
        }
        return Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsString(root) + "\n";
    }

    /** index.html: self-contained, the chart inlined so its tooltips work. */
    public static String html(BacktestResult result, String svg, boolean perPeriod) {
        StringBuilder h = new StringBuilder(65_536);
        String title = "DyadWatch backtest: " + result.dyad();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Markup.text(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:1.5em;color:#222;max-width:1200px}")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}")
                .append("th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f0f0f0}")
                .append("ul{margin:0;padding-left:1.2em}.muted{color:#666}pre{background:#f6f6f6;padding:0.5em}")
                .append("\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(Markup.text(title)).append("</h1>\n");
        h.append("<pre>").append(Markup.text(SummaryTable.totals(result))).append("</pre>\n");
        h.append("<p>Files: <a href=\"chart.svg\">chart.svg</a>, <a href=\"periods.csv\">periods.csv</a>, ")
                .append("<a href=\"alerts.json\">alerts.json</a>. Hover over the chart for each period's figures and ")
                .append("each alert's evidence.</p>\n");
        h.append("<figure>\n").append(svg).append("</figure>\n");
        summaryTable(h, result, perPeriod);
        alertTable(h, result);
        refused(h, result.refused());
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void summaryTable(StringBuilder h, BacktestResult result, boolean perPeriod) {
        h.append("<h2>Summary ").append(perPeriod ? "per period" : "per year")
                .append("</h2>\n<p class=\"muted\">").append(perPeriod ? "" : "Mean probabilities of the year's periods; "
                        + "highest change statistics the year reached. ")
                .append(String.format(Locale.ROOT, "Alarm thresholds: weakening %.2f, strengthening %.2f.",
                        result.threshold(Scenario.WEAKENING), result.threshold(Scenario.STRENGTHENING)))
                .append("</p>\n<table>\n<tr><th>").append(perPeriod ? "period" : "year")
                .append("</th><th>events</th><th>most likely</th><th>P(status quo)</th><th>P(weakening)</th>")
                .append("<th>P(strengthening)</th><th>CUSUM weakening</th><th>CUSUM strengthening</th><th>alerts</th></tr>\n");
        for (SummaryTable.Row row : SummaryTable.rows(result, perPeriod)) {
            h.append("<tr><td>").append(Markup.text(row.label())).append("</td><td class=\"n\">").append(row.events())
                    .append("</td><td>").append(SvgChart.label(row.mostLikely())).append("</td>");
            for (Scenario s : Scenario.values()) {
                h.append(cell(row.probabilities().get(s)));
            }
            h.append(cell(row.weakening())).append(cell(row.strengthening())).append("<td class=\"n\">")
                    .append(row.alerts()).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String cell(double value) {
        return String.format(Locale.ROOT, "<td class=\"n\">%.2f</td>", value);
    }

    private static void alertTable(StringBuilder h, BacktestResult result) {
        h.append("<h2>Alerts that would have fired (").append(result.alerts().size()).append(")</h2>\n");
        if (result.alerts().isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>period</th><th>alert</th><th>why</th><th>evidence</th><th>rationale</th></tr>\n");
        for (BacktestAlert a : result.alerts()) {
            h.append("<tr><td>").append(Markup.text(a.period())).append("<br><span class=\"muted\">")
                    .append(Markup.text(a.firedAt().toString().substring(0, 10))).append("</span>");
            if (a.resolvedPeriod() != null) {
                h.append("<br><span class=\"muted\">resolved ").append(Markup.text(a.resolvedPeriod())).append("</span>");
            }
            h.append("</td><td><b>").append(Markup.text(a.alert().severity().name())).append("</b> ")
                    .append(Markup.text(a.alert().rule()));
            if (a.alert().scenario() != null) {
                h.append(" &rarr; ").append(Markup.text(a.alert().scenario().name()));
            }
            h.append("<br>").append(Markup.text(a.alert().summary())).append("</td><td>")
                    .append(Markup.text(a.alert().description()));
            if (a.alert().changeStatistic() != null) {
                h.append(String.format(Locale.ROOT, "<br><span class=\"muted\">change statistic %.2f</span>",
                        a.alert().changeStatistic()));
            }
            if (a.resolution() != null) {
                h.append("<br><span class=\"muted\">resolved: ").append(Markup.text(a.resolution())).append("</span>");
            }
            h.append("</td><td>");
            evidence(h, a.alert().evidence());
            h.append("</td><td><ul>");
            for (Citation c : a.alert().rationale()) {
                h.append("<li>&ldquo;").append(Markup.text(c.quote())).append("&rdquo; <span class=\"muted\">(")
                        .append(Markup.text(c.seed())).append(")</span></li>");
            }
            h.append("</ul></td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void evidence(StringBuilder h, List<EvidenceItem> items) {
        if (items.isEmpty()) {
            h.append("<span class=\"muted\">none cited</span>");
            return;
        }
        h.append("<ul>");
        for (EvidenceItem e : items) {
            h.append("<li>").append(Markup.text(e.occurredAt().toString().substring(0, 10))).append(' ')
                    .append(Markup.text(e.type())).append(": ").append(Markup.text(e.summary())).append(" <span class=\"muted\">(");
            String url = Markup.safeUrl(e.url());
            if (url != null) {
                h.append("<a href=\"").append(Markup.text(url)).append("\" rel=\"noopener noreferrer\">")
                        .append(Markup.text(e.sourceName())).append("</a>");
            } else {
                h.append(Markup.text(e.sourceName()));
            }
            h.append(", ").append(Markup.text(e.grade()));
            if (e.corroboration() > 1) {
                h.append(", ").append(e.corroboration()).append(" sources");
            }
            h.append("; ").append(Markup.text(e.id())).append(")</span></li>");
        }
        h.append("</ul>");
    }

    private static void refused(StringBuilder h, List<RefusedLine> refused) {
        h.append("<h2>Lines refused by the event contract (").append(refused.size()).append(")</h2>\n");
        if (refused.isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        h.append("<ul>\n");
        for (RefusedLine line : refused) {
            h.append("<li>").append(Markup.text(JsonLinesPublisher.describe(line))).append("</li>\n");
        }
        h.append("</ul>\n");
    }
}
