package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.catalog.sim.SimulationRequest;
import io.dyadwatch.catalog.sim.Simulator;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventJson;
import io.dyadwatch.model.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A status-quo stream posted over HTTP without {@code DyadWatch-Covers}, on a real broker with the event clock of a
 * replay: its coverage is assumed from the day after its first report, so presence and absence are weighed over the
 * same time and ten status-quo years raise no change-statistic or probability alert. Before coverage was chosen apart
 * from the reports, this history (seed 11) raised scenario-shift, family-shift and probability-level alerts toward
 * STRENGTHENING: each report covered its own day, and no silent day was ever weighed.
 */
class UndeclaredStreamIT {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldRaiseNoStatisticalAlertForAStatusQuoStreamPostedWithoutACoverageHeader() throws Exception {
        TestIds ids = TestIds.unique("undeclared");
        Map<String, String> flags = ids.flags(SharedKafka.bootstrapServers(), dir);
        flags.put("dyads", "CHN-RUS");
        flags.put("streams.clock", "event");
        List<Event> history = new Simulator(new ScenarioModel(Catalog.loadDefault())).simulate(SimulationRequest.of(
                Dyad.parse("CHN-RUS"), Scenario.STATUS_QUO, LocalDate.parse("2016-01-01"), LocalDate.parse("2026-01-01"),
                11));
        Settings settings = Settings.resolve(null, Map.of(), flags);
        try (Services services = Services.start(settings,
                List.of(Services.Part.STREAMS, Services.Part.ALERTS, Services.Part.INGESTION))) {
            String base = "http://127.0.0.1:" + services.http().port();
            for (int from = 0; from < history.size(); from += 50) {
                StringBuilder batch = new StringBuilder("[");
                for (int i = from; i < Math.min(history.size(), from + 50); i++) {
                    batch.append(i == from ? "" : ",").append(EventJson.toJson(history.get(i)));
                }
                HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/events"))
                        .POST(HttpRequest.BodyPublishers.ofString(batch.append("]").toString()))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            }
            JsonNode[] latest = new JsonNode[1];
            String lastQuarter = io.dyadwatch.model.assessment.Period.of(io.dyadwatch.model.assessment.PeriodUnit.QUARTER,
                    history.get(history.size() - 1).occurredAt()).toString();

            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/v1/assessments/CHN-RUS")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode assessment = Json.MAPPER.readTree(response.body());
                assertThat(assessment.get("period").asText()).isEqualTo(lastQuarter);
                latest[0] = assessment;
            });
            try (io.dyadwatch.app.wiring.ProcessingProgress progress = new io.dyadwatch.app.wiring.ProcessingProgress(
                    io.dyadwatch.app.wiring.TopicAdmin.adminProperties(settings.common(), Map.of()))) {
                // the alerts are decided in the analyst's task, in the transaction of the step that caused them
                await().atMost(Duration.ofSeconds(120)).until(() ->
                        progress.lag(ids.streamsAppId(), List.of(ids.prefix() + "events")) == 0);
            }
            List<String> statistical = new ArrayList<>();
            try (CommittedReader alerts = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                    ids.prefix() + "alerts")) {
                for (var record : alerts.readToEnd()) {
                    JsonNode alert = Json.MAPPER.readTree(record.value());
                    if (!"signature-event".equals(alert.path("rule").asText())) {
                        statistical.add(alert.path("rule").asText() + " " + alert.path("scenario").asText());
                    }
                }
            }
            assertThat(statistical).as("ten status-quo years, coverage assumed from the first report").isEmpty();
            JsonNode curated = latest[0].get("coverage").get(0);
            assertThat(curated.get("channel").asText()).isEqualTo("curated");
            assertThat(curated.get("assumedFrom").asText()).as("the day after the first report")
                    .isEqualTo(LocalDate.ofInstant(history.get(0).occurredAt(), java.time.ZoneOffset.UTC)
                            .plusDays(1).toString());
            assertThat(curated.get("declaredFrom").isNull()).isTrue();
        }
    }
}
