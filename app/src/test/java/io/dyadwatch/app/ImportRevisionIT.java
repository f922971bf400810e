package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.model.event.EventJson;
import io.dyadwatch.producer.importing.RevisionLedger;
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
 * Upstream revisions on a real broker: re-importing the SIPRI register publishes nothing new; re-importing it after
 * SIPRI changed a figure under a stable id publishes those events again, marked as revisions with their hashes.
 */
class ImportRevisionIT {

    @TempDir
    Path dir;

    static CommandLineTest.Run importSipri(TestIds ids, Path file) {
        return CommandLineTest.run("import", "sipri", "--quiet", "--bootstrap-servers", SharedKafka.bootstrapServers(),
                "--set", "topic.prefix=" + ids.prefix(), file.toString());
    }

    @Test
    void shouldPublishARevisionNotADuplicateWhenSipriChangesARowUnderItsStableId() throws Exception {
        TestIds ids = TestIds.unique("ImportRevisionIT");
        Path register = dir.resolve("register.csv");
        try (var in = getClass().getResourceAsStream("/fixtures/sipri/sipri_trade_register_China_from_Russia.csv")) {
            Files.copy(in, register);
        }

        CommandLineTest.Run first = importSipri(ids, register);
        CommandLineTest.Run second = importSipri(ids, register);
        String text = Files.readString(register, StandardCharsets.ISO_8859_1)
                .replace("$2 b deal; Su-35S version,60,1440,1440", "$2 b deal; Su-35S version,60,1440,1500");
        Files.writeString(register, text, StandardCharsets.ISO_8859_1);
        CommandLineTest.Run third = importSipri(ids, register);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("revisions:      337 new, 0 unchanged, 0 revised", "337 events published");
        assertThat(second.out()).contains("revisions:      0 new, 337 unchanged, 0 revised", "0 events published");
        assertThat(third.out()).contains("revisions:      0 new, 334 unchanged, 3 revised", "3 events published");
        try (CommittedReader events = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                ids.prefix() + "events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events.poll().size() >= 340);
            List<ConsumerRecord<String, byte[]>> all = events.poll();
            assertThat(all).hasSize(340);
            List<ConsumerRecord<String, byte[]>> revisions = all.stream()
                    .filter(r -> r.headers().lastHeader(RevisionLedger.REVISION_OF) != null).toList();
            assertThat(revisions).hasSize(3).allSatisfy(r -> {
                String id = EventJson.fromBytes(r.value()).id();
                assertThat(text(r.headers().lastHeader(RevisionLedger.REVISION_OF))).isEqualTo(id);
                assertThat(text(r.headers().lastHeader(RevisionLedger.PREVIOUS_HASH))).hasSize(64)
                        .isNotEqualTo(text(r.headers().lastHeader(RevisionLedger.CONTENT_HASH)));
                assertThat(EventJson.fromBytes(r.value()).summary()).contains("Su-35S");
            });
        }
    }

    static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
