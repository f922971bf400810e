package io.dyadwatch.app.backtest;

import static io.dyadwatch.app.backtest.BacktestEvents.exercise;
import static io.dyadwatch.app.backtest.BacktestEvents.treaty;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.model.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class BacktestReportTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"friends\"";

    @TempDir
    static Path dir;
    private static BacktestResult result;

    @BeforeAll
    static void replay() throws IOException {
        String lines = String.join("\n", exercise("js-1", "2023-02-10"), treaty("treaty", "2023-05-20", HOSTILE),
                exercise("js-2", "2023-08-15"), exercise("js-3", "2024-01-15"));
        result = BacktestEvents.backtest().run(List.of(EventInput.text("hand", lines)), BacktestWindow.ALL,
                Backtest.Progress.NONE);
        BacktestReport.write(result, dir, false);
    }

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldEscapeAScriptInAnEventSummaryInTheHtmlPage() throws IOException {
        String html = Files.readString(dir.resolve("index.html"));

        assertThat(html).doesNotContain("<script").doesNotContain(HOSTILE)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;");
    }

    @Test
    void shouldEscapeEveryMarkupCharacter() {
        assertThat(Markup.text("<script>a & 'b' \"c\"</script>"))
                .isEqualTo("&lt;script&gt;a &amp; &#39;b&#39; &quot;c&quot;&lt;/script&gt;");
        assertThat(Markup.text("bell\u0007")).isEqualTo("bell\uFFFD");
        assertThat(Markup.safeUrl("javascript:alert(1)")).isNull();
        assertThat(Markup.safeUrl("https://example.org/a")).isEqualTo("https://example.org/a");
        assertThat(Markup.csv("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    }

    @Test
    void shouldWriteAChartThatParsesAsSvgWithAMarkerForTheAlert() throws Exception {
        String svg = Files.readString(dir.resolve("chart.svg"));

        Document doc = parseXml(svg);

        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength())
                .as("three probability lines and two change statistics").isEqualTo(5);
        List<String> titles = new java.util.ArrayList<>();
        var nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
        for (int i = 0; i < nodes.getLength(); i++) {
            titles.add(nodes.item(i).getTextContent());
        }
        assertThat(titles).anySatisfy(t -> assertThat(t).contains("2023-Q2").contains("signature-event")
                .contains(HOSTILE));
        assertThat(svg).doesNotContain("<script");
    }

    @Test
    void shouldWriteACsvRowPerPeriodUnderTheHeader() throws IOException {
        List<String> csv = Files.readAllLines(dir.resolve("periods.csv"));

        assertThat(csv.get(0)).isEqualTo(BacktestReport.CSV_HEADER);
        assertThat(csv).hasSize(1 + 5); // 2023-Q1 .. 2024-Q1
        // exposure is the share observed: these hand-written lines declare no coverage, so the channel's is assumed
        // from the first report (2023-02-10), about half of 2023-Q1, all of every quarter after it
        assertThat(csv.get(1)).startsWith("CHN-RUS,2023-Q1,");
        assertThat(Double.parseDouble(csv.get(1).split(",")[2])).isBetween(0.5, 0.56);
        assertThat(csv.get(2)).startsWith("CHN-RUS,2023-Q2,1.0000,1,").endsWith(",1");
        assertThat(csv.get(3)).startsWith("CHN-RUS,2023-Q3,");
        assertThat(csv.get(5)).startsWith("CHN-RUS,2024-Q1,");
        assertThat(csv.get(1).split(",")).hasSize(BacktestReport.CSV_HEADER.split(",").length);
    }

    @Test
    void shouldListTheAlertWithEvidenceAndRationaleInAlertsJson() throws IOException {
        JsonNode json = Json.MAPPER.readTree(dir.resolve("alerts.json").toFile());

        assertThat(json.get("dyad").asText()).isEqualTo("CHN-RUS");
        JsonNode alert = null;
        for (JsonNode a : json.get("alerts")) {
            if (a.get("alert").get("rule").asText().equals("signature-event")) {
                alert = a;
            }
        }
        assertThat(alert).as("the treaty's signature alert").isNotNull();
        assertThat(alert.get("period").asText()).isEqualTo("2023-Q2");
        assertThat(alert.get("alert").get("rule").asText()).isEqualTo("signature-event");
        assertThat(alert.get("alert").get("evidence").get(0).get("id").asText()).isEqualTo("treaty");
        assertThat(alert.get("alert").get("evidence").get(0).get("summary").asText()).isEqualTo(HOSTILE);
        assertThat(alert.get("alert").get("rationale").size()).isPositive();
        assertThat(json.get("thresholds").get("WEAKENING").asDouble()).isPositive();
    }

    @Test
    void shouldInlineTheChartAndSummaryInTheHtmlPage() throws IOException {
        String html = Files.readString(dir.resolve("index.html"));

        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("href=\"chart.svg\"")
                .contains("Summary per year").contains("<td>2023</td>").contains("<td>2024</td>")
                .contains("Alerts that would have fired (" + result.alerts().size() + ")")
                .contains("href=\"https://example.org/treaty\"");
    }
}
