package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dyadwatch.app.http.ApiDocs;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API and the topics keep their published contracts: every route of a running pipeline answers what
 * {@code openapi.json} says (status, content type, body schema), errors are problem documents, and the records
 * the pipeline writes on dyadwatch.assessments and dyadwatch.indicators satisfy their JSON Schemas.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractIT {

    private static final String TOKEN = "contract-token";

    @TempDir
    static Path dir;

    private TestIds ids;
    private Services services;
    private Services ingestOnly;
    private OpenApiContract contract;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        contract = new OpenApiContract();
        ids = TestIds.unique("contract");
        Map<String, String> flags = ids.flags(SharedKafka.bootstrapServers(), dir);
        flags.put("ingest.token", TOKEN);
        flags.put("http.max.body.bytes", "4096");
        services = Services.start(Settings.resolve(null, Map.of(), flags),
                List.of(Services.Part.STREAMS, Services.Part.ALERTS, Services.Part.INGESTION));
        Map<String, String> ingestFlags = ids.flags(SharedKafka.bootstrapServers(), dir.resolve("ingest"));
        ingestOnly = Services.start(Settings.resolve(null, Map.of(), ingestFlags), List.of(Services.Part.INGESTION));
    }

    @AfterAll
    void stop() {
        if (ingestOnly != null) {
            ingestOnly.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void shouldAnswerEveryRouteAsTheOpenApiDocumentSays() throws Exception {
        String treaty = TestEvents.treaty("c-treaty", "2024-06-19", "RUS", "PRK");
        check("POST", "/v1/events", post("/v1/events", "[" + TestEvents.event("c1", "LEADER_EXCHANGE", "2024-06-18",
                "RUS", "PRK") + "," + treaty + "]", "application/json", TOKEN), 202);
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/v1/assessments/PRK-RUS").statusCode() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> Json.MAPPER.readTree(get("/v1/alerts").body()).size() > 0);

        HttpResponse<String> refused = post("/v1/events", "[" + TestEvents.event("c2", "LEADER_EXCHANGE", "2024-06-20",
                "RUS", "PRK") + ",{\"id\":\"c3\"}]", null, TOKEN);
        check("POST", "/v1/events", refused, 400);
        JsonNode problem = Json.MAPPER.readTree(refused.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://dyadwatch.io/problems/events-refused");
        assertThat(problem.get("results").get(1).get("reason").asText()).isEqualTo("MISSING_FIELD");
        check("POST", "/v1/events", post("/v1/events", "{nope", "application/json", TOKEN), 400);
        check("POST", "/v1/events", post("/v1/events", treaty, "application/json", null), 401);
        check("POST", "/v1/events", post("/v1/events", "[" + "1,".repeat(3000) + "1]", "application/json", TOKEN), 413);
        HttpResponse<String> form = post("/v1/events", "id=x", "application/x-www-form-urlencoded", TOKEN);
        check("POST", "/v1/events", form, 415);
        assertThat(Json.MAPPER.readTree(form.body()).get("detail").asText())
                .contains("application/x-www-form-urlencoded");
        String regrade = "{\"eventId\":\"c1\",\"dyad\":\"PRK-RUS\",\"action\":\"regrade\",\"grade\":\"C3\","
                + "\"reason\":\"one unverified source\"}";
        check("POST", "/v1/corrections", post("/v1/corrections", regrade, "application/json", TOKEN), 202);
        HttpResponse<String> badAction = post("/v1/corrections", regrade.replace("regrade", "delete"), "application/json",
                TOKEN);
        check("POST", "/v1/corrections", badAction, 400);
        assertThat(Json.MAPPER.readTree(badAction.body()).get("detail").asText()).contains("'action'", "delete");
        check("POST", "/v1/corrections", post("/v1/corrections", regrade, "application/json", null), 401);
        check("POST", "/v1/corrections", post("/v1/corrections", "x".repeat(5000), "application/json", TOKEN), 413);
        check("POST", "/v1/corrections", post("/v1/corrections", "id=x", "application/x-www-form-urlencoded", TOKEN), 415);

        check("GET", "/v1/assessments", get("/v1/assessments"), 200);
        check("GET", "/v1/assessments/{dyad}", get("/v1/assessments/RUS-PRK"), 200);
        check("GET", "/v1/assessments/{dyad}", get("/v1/assessments/XX"), 400);
        check("GET", "/v1/assessments/{dyad}", get("/v1/assessments/FRA-GBR"), 404);
        check("GET", "/v1/dyads/{dyad}/history", get("/v1/dyads/PRK-RUS/history?from=2024-Q1&to=2024-Q4"), 200);
        check("GET", "/v1/dyads/{dyad}/history", get("/v1/dyads/PRK-RUS/history?from=2024-Q9"), 400);
        check("GET", "/v1/dyads/{dyad}/indicators", get("/v1/dyads/PRK-RUS/indicators?from=2024-Q1&to=2024-Q4"), 200);
        check("GET", "/v1/dyads/{dyad}/events", get("/v1/dyads/PRK-RUS/events"), 200);
        check("GET", "/v1/dyads/{dyad}/events", get("/v1/dyads/PRK-RUS/events?limit=0"), 400);
        check("GET", "/v1/alerts", get("/v1/alerts"), 200);
        check("GET", "/v1/alerts", get("/v1/alerts?status=maybe"), 400);
        check("GET", "/v1/alerts", get("/v1/alerts?dyad=FRA-GBR"), 404);
        check("GET", "/v1/alerts", request("GET", "/v1/alerts", null, null, null), 401);
        check("GET", "/health", get("/health"), 200);
        check("GET", "/metrics", get("/metrics"), 200);
        check("GET", "/", get("/"), 200);
        check("GET", "/web/{file}", get("/web/app.js"), 200);
        check("GET", "/web/{file}", get("/web/nope.js"), 404);
        HttpResponse<String> openApi = get(ApiDocs.OPENAPI);
        check("GET", "/openapi.json", openApi, 200);
        assertThat(Json.MAPPER.readTree(openApi.body())).as("the document served is the one in the repository")
                .isEqualTo(contract.document());
        for (String schema : ApiDocs.SCHEMAS) {
            check("GET", "/schema/{name}", get("/schema/" + schema), 200);
        }
        check("GET", "/schema/{name}", get("/schema/nope.json"), 404);

        // a process without the topology and the alert feed (like `dyadwatch ingest`)
        check("GET", "/v1/assessments", get(ingestOnly, "/v1/assessments"), 503);
        check("GET", "/v1/assessments/{dyad}", get(ingestOnly, "/v1/assessments/PRK-RUS"), 503);
        check("GET", "/v1/alerts", get(ingestOnly, "/v1/alerts"), 503);

        HttpResponse<String> wrongMethod = request("DELETE", "/v1/alerts", null, null, TOKEN);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        contract.validateComponent("Problem", wrongMethod.body(), "DELETE /v1/alerts");

        assertThat(contract.exercisedOperations()).as("every documented operation answered at least once")
                .isEqualTo(contract.operations());
    }

    @Test
    void shouldWriteAssessmentsAndIndicatorsInTheShapeTheirSchemasDescribe() throws Exception {
        // a treaty counts for a catalog indicator (formal alliance), so it has an indicator value too
        assertThat(post("/v1/events", TestEvents.treaty("s1", "2024-07-15", "IRN", "RUS"), null, TOKEN)
                .statusCode()).isEqualTo(202);
        Schema assessment = schema("assessment-v1.schema.json");
        Schema indicator = schema("indicator-v1.schema.json");

        try (CommittedReader assessments = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                ids.prefix() + "assessments");
             CommittedReader indicators = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                ids.prefix() + "indicators")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> assessments.poll().stream()
                    .anyMatch(r -> r.key().equals("IRN-RUS")) && !indicators.poll().isEmpty());
            for (ConsumerRecord<String, byte[]> record : assessments.poll()) {
                String json = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(assessment.validate(json, InputFormat.JSON)).as(json).isEmpty();
            }
            for (ConsumerRecord<String, byte[]> record : indicators.poll()) {
                String json = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(indicator.validate(json, InputFormat.JSON)).as(json).isEmpty();
                assertThat(record.key()).isEqualTo(String.join("|", Json.MAPPER.readTree(json).get("dyad").asText(),
                        Json.MAPPER.readTree(json).get("indicator").asText(), Json.MAPPER.readTree(json).get("period").asText()));
            }
        }
    }

    @Test
    void shouldWriteCorrectionsInTheShapeTheirSchemaDescribesKeyedLikeTheEvent() throws Exception {
        String retract = "{\"eventId\":\"s9\",\"dyad\":\"IRN-RUS\",\"action\":\"retract\",\"reason\":\"hoax\"}";
        assertThat(post("/v1/corrections", retract, null, TOKEN).statusCode()).isEqualTo(202);
        Schema correction = schema("correction-v1.schema.json");
        try (CommittedReader corrections = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                ids.prefix() + "corrections")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> corrections.poll().stream()
                    .anyMatch(r -> r.key().equals("IRN-RUS")));
            for (ConsumerRecord<String, byte[]> record : corrections.poll()) {
                String json = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(correction.validate(json, InputFormat.JSON)).as(json).isEmpty();
                assertThat(record.key()).isEqualTo(Json.MAPPER.readTree(json).get("dyad").asText());
            }
        }
    }

    @Test
    void shouldKeepTheRepositoryCopyOfEverySchemaTheDocumentServes() throws Exception {
        Path root = ExternalTools.repositoryRoot();
        assertThat(Files.readString(root.resolve("app/src/main/resources/openapi.json")))
                .isEqualTo(get(ApiDocs.OPENAPI).body());
        assertThat(Json.MAPPER.readTree(get("/schema/event-v1.schema.json").body()).get("$id").asText())
                .isEqualTo("https://dyadwatch.io/schema/event-v1.schema.json");
    }

    private static Schema schema(String name) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("classpath:schema/" + name));
    }

    private void check(String method, String template, HttpResponse<String> response, int expected) {
        assertThat(response.statusCode()).as("%s %s: %s", method, template, response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).as("%s %s", method, template)
                    .hasValue("application/problem+json");
        }
        contract.check(method, template, response);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return request("GET", path, null, null, TOKEN);
    }

    private HttpResponse<String> get(Services where, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(where.http().baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String contentType, String token) throws Exception {
        return request("POST", path, body, contentType, token);
    }

    private HttpResponse<String> request(String method, String path, String body, String contentType, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.http().baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
