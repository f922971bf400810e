package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every entry point, on a real broker: what each record on the events topic declares ({@code dyadwatch-covers}) and
 * which channel its JSON names, for a file with a span line, {@code publish --covers}, a file without either, the
 * simulator and {@code POST /v1/events}.
 */
class DeclaredCoverageIT {

    @TempDir
    Path dir;

    private final TestIds ids = TestIds.unique("declared");

    private record Run(int exit, String out, String err) {
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 3];
        all[0] = args[0];
        all[1] = "--bootstrap-servers";
        all[2] = SharedKafka.bootstrapServers();
        all[3] = "--set=topic.prefix=" + ids.prefix();
        System.arraycopy(args, 1, all, 4, args.length - 1);
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The records on the events topic whose value contains the marker, once there are {@code count} of them. */
    private List<ConsumerRecord<String, byte[]>> published(String marker, int count) {
        try (CommittedReader reader = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                ids.prefix() + "events")) {
            List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                found.clear();
                reader.poll().stream().filter(r -> text(r).contains(marker)).forEach(found::add);
                return found.size() >= count;
            });
            return found;
        }
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static String covers(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(Coverage.HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String channel(ConsumerRecord<String, byte[]> record) throws Exception {
        return Json.MAPPER.readTree(record.value()).get("channel").asText();
    }

    @Test
    void shouldDeclareAFilesSpanLineOnEveryRecordUnlessCoversSaysOtherwise() throws Exception {
        String span = "{\"covers\":\"2024-01-01..2024-12-31\",\"channel\":\"curated\"}";
        Path spanned = Files.writeString(dir.resolve("spanned.jsonl"), span + "\n"
                + TestEvents.event("span-1", "LEADER_EXCHANGE", "2024-03-05") + "\n"
                + TestEvents.event("span-2", "JOINT_EXERCISE", "2024-09-05") + "\n");
        Path flagged = Files.writeString(dir.resolve("flagged.jsonl"), span + "\n"
                + TestEvents.event("flag-1", "LEADER_EXCHANGE", "2024-03-06") + "\n");
        Path bare = Files.writeString(dir.resolve("bare.jsonl"),
                TestEvents.event("bare-1", "LEADER_EXCHANGE", "2024-03-07") + "\n");

        Run fromSpan = cli("publish", spanned.toString(), bare.toString());
        Run fromFlag = cli("publish", "--covers", "2024-03-01..2024-03-31", flagged.toString());

        assertThat(fromSpan.exit()).as(fromSpan.err()).isZero();
        assertThat(fromSpan.out()).contains("spanned.jsonl: 2 published, 0 refused; covers 2024-01-01..2024-12-31 (its span line)")
                .contains("bare.jsonl: 1 published, 0 refused; no declared coverage (assumed from first receipt)");
        assertThat(fromFlag.exit()).as(fromFlag.err()).isZero();
        assertThat(fromFlag.out()).contains("flagged.jsonl: 1 published, 0 refused; covers 2024-03-01..2024-03-31 (--covers)");
        List<ConsumerRecord<String, byte[]>> spans = published("\"span-", 2);
        assertThat(spans).extracting(DeclaredCoverageIT::covers).containsOnly("2024-01-01..2024-12-31");
        for (ConsumerRecord<String, byte[]> record : spans) {
            assertThat(channel(record)).isEqualTo("curated");
        }
        assertThat(published("\"flag-1\"", 1)).extracting(DeclaredCoverageIT::covers).containsExactly("2024-03-01..2024-03-31");
        assertThat(published("\"bare-1\"", 1)).extracting(DeclaredCoverageIT::covers).containsOnlyNulls();
    }

    @Test
    void shouldRefuseAMalformedSpanLineWithItsLineAndExitTwoBeforePublishingAnything() throws Exception {
        Path good = Files.writeString(dir.resolve("good.jsonl"),
                TestEvents.event("never-1", "LEADER_EXCHANGE", "2024-03-05") + "\n");
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"covers\":\"2024-12-31..2024-01-01\"}\n"
                + TestEvents.event("never-2", "LEADER_EXCHANGE", "2024-03-05") + "\n");

        Run run = cli("publish", good.toString(), bad.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("dyadwatch publish: " + bad + ":1: ")
                .contains("before it starts").doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("published");
    }

    @Test
    void shouldDeclareTheSimulatedSpanWhenPublishingASimulationUnlessUndeclared() {
        Run declared = cli("simulate", "--scenario", "STATUS_QUO", "--from", "2016-01-01", "--to", "2017-01-01",
                "--seed", "11", "--publish");
        Run undeclared = cli("simulate", "--scenario", "STATUS_QUO", "--from", "2018-01-01", "--to", "2019-01-01",
                "--seed", "12", "--publish", "--undeclared");

        assertThat(declared.exit()).as(declared.err()).isZero();
        assertThat(declared.out()).contains("covers 2016-01-01..2016-12-31");
        assertThat(undeclared.exit()).as(undeclared.err()).isZero();
        assertThat(undeclared.out()).contains("no declared coverage");
        assertThat(published("\"sim:11:", 1)).extracting(DeclaredCoverageIT::covers).containsOnly("2016-01-01..2016-12-31");
        assertThat(published("\"sim:12:", 1)).extracting(DeclaredCoverageIT::covers).containsOnlyNulls();
    }

    @Test
    void shouldSendAPostedEventInItsChannelDeclaredOnlyByTheCoversHeader() throws Exception {
        Map<String, String> flags = ids.flags(SharedKafka.bootstrapServers(), dir);
        try (Services services = Services.start(Settings.resolve(null, Map.of(), flags),
                List.of(Services.Part.INGESTION))) {
            String url = "http://127.0.0.1:" + services.http().port() + "/v1/events";
            String plain = TestEvents.event("post-curated", "LEADER_EXCHANGE", "2024-07-05");
            String gdelt = TestEvents.event("post-gdelt", "LEADER_EXCHANGE", "2024-07-06");
            gdelt = gdelt.substring(0, gdelt.lastIndexOf('}')) + ",\"channel\":\"gdelt\"}";
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> undeclared = http.send(HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString("[" + plain + "," + gdelt + "]"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> badChannel = http.send(HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString(plain.replace("post-curated", "post-bad")
                            .replaceFirst("}$", ",\"channel\":\"News Feed\"}")))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(undeclared.statusCode()).as(undeclared.body()).isEqualTo(202);
            assertThat(badChannel.statusCode()).isEqualTo(400);
            assertThat(badChannel.body()).contains("INVALID_CHANNEL");
            ConsumerRecord<String, byte[]> curated = published("\"post-curated\"", 1).get(0);
            ConsumerRecord<String, byte[]> news = published("\"post-gdelt\"", 1).get(0);
            assertThat(channel(curated)).isEqualTo("curated");
            assertThat(channel(news)).isEqualTo("gdelt");
            assertThat(covers(curated)).as("without DyadWatch-Covers nothing is declared").isNull();
            assertThat(covers(news)).isNull();
        }
    }
}
