package io.dyadwatch.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.event.RecordSpan;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The backtest on the bundled Russia-China record, as the command runs it by default. */
class BacktestBundledRecordTest {

    /** Where the catalog's patrol-beyond-japan indicator looks (docs/catalog.md). */
    private static final Set<String> BEYOND_JAPAN = Set.of("USA", "AUS", "PHL", "CAN", "GBR", "NZL", "THA");

    @TempDir
    static Path dir;
    private static BacktestResult result;
    private static List<JsonNode> record;

    @BeforeAll
    static void replay() throws IOException {
        record = new ArrayList<>();
        try (InputStream in = BacktestBundledRecordTest.class.getResourceAsStream(EventInput.BUNDLED_RECORD)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && RecordSpan.parse(line).isEmpty()) { // its span line is no event
                    record.add(Json.MAPPER.readTree(line));
                }
            }
        }
        result = BacktestEvents.backtest().run(List.of(EventInput.bundledRecord()), BacktestWindow.ALL, Backtest.Progress.NONE);
        BacktestReport.write(result, dir, false);
    }

    @Test
    void shouldReadTheBundledRecordTheSameWhenItIsPassedAsAFile() throws IOException {
        Path file = Path.of("..", "data", "history", EventInput.BUNDLED_RECORD.substring("/history/".length()));

        BacktestResult passed = BacktestEvents.backtest().run(List.of(EventInput.file(file)), BacktestWindow.ALL,
                Backtest.Progress.NONE);

        assertThat(passed.inputs().get(0)).endsWith(result.inputs().get(0).substring(result.inputs().get(0).indexOf(':')));
        assertThat(passed.periods()).isEqualTo(result.periods());
        assertThat(passed.alerts()).extracting(a -> a.alert().fingerprint() + " " + a.period())
                .isEqualTo(result.alerts().stream().map(a -> a.alert().fingerprint() + " " + a.period()).toList());
    }

    private static String quarterOf(JsonNode event) {
        return PeriodUnit.QUARTER.labelOf(LocalDate.parse(event.get("occurredAt").asText().substring(0, 10))
                .atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void shouldAcceptEveryLineAndReportEveryQuarterFromTheFirstEventToTheLast() throws IOException {
        List<String> quarters = record.stream().map(BacktestBundledRecordTest::quarterOf).sorted().toList();
        List<String> expected = new ArrayList<>();
        for (String q = quarters.get(0); q.compareTo(quarters.get(quarters.size() - 1)) <= 0;
                q = PeriodUnit.QUARTER.next(q)) {
            expected.add(q);
        }

        assertThat(result.refused()).isEmpty();
        assertThat(result.accepted()).isEqualTo(record.size());
        assertThat(result.periods()).extracting(PeriodRow::period).containsExactlyElementsOf(expected);
        assertThat(Files.readAllLines(dir.resolve("periods.csv"))).hasSize(1 + expected.size());
    }

    @Test
    void shouldFireASignatureAlertForTheFirstConfirmedPatrolBeyondJapan() throws IOException {
        JsonNode first = record.stream()
                .filter(e -> e.get("type").asText().equals("COMBINED_PATROL"))
                .filter(e -> e.get("source").get("credibility").asInt() <= 2)
                // confirmed: reliability A or B (a C1 report alone raises no signature alert)
                .filter(e -> "AB".contains(e.get("source").get("reliability").asText()))
                .filter(e -> e.path("attributes").path("near").findValuesAsText("near").isEmpty()
                        && containsAny(e.path("attributes").path("near")))
                .min(java.util.Comparator.comparing(e -> e.get("occurredAt").asText()))
                .orElseThrow();
        String id = first.get("id").asText();

        assertThat(result.alerts()).anySatisfy(a -> {
            assertThat(a.alert().rule()).isEqualTo("signature-event");
            assertThat(a.period()).isEqualTo(quarterOf(first));
            assertThat(a.alert().evidence().get(0).id()).isEqualTo(id);
        });
        assertThat(Files.readString(dir.resolve("alerts.json"))).contains(id);
        assertThat(Files.readString(dir.resolve("index.html"))).contains(id);
    }

    private static boolean containsAny(JsonNode near) {
        for (JsonNode code : near) {
            if (BEYOND_JAPAN.contains(code.asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void shouldWriteTheChartWithAMarkerPerAlert() throws Exception {
        Document svg = BacktestReportTest.parseXml(Files.readString(dir.resolve("chart.svg")));

        var paths = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        int markers = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            String title = paths.item(i).getTextContent();
            if (title.contains("signature-event") || title.contains("scenario-shift") || title.contains("family-shift")
                    || title.contains("no-scenario-fits")) {
                markers++;
            }
        }
        assertThat(result.alerts()).isNotEmpty();
        assertThat(markers).isEqualTo(result.alerts().size());
        assertThat(Files.readString(dir.resolve("index.html"))).contains("<svg");
    }
}
