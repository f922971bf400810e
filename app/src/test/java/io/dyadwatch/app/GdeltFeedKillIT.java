package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.app.feed.GdeltTestMirror;
import io.dyadwatch.model.channel.ChannelVolume;
import io.dyadwatch.model.channel.FeedCheckpoint;
import io.dyadwatch.model.event.EventJson;
import io.dyadwatch.model.topic.Topics;
import io.dyadwatch.producer.feed.GdeltFeed;
import io.dyadwatch.producer.feed.Slot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code dyadwatch feed gdelt} in a JVM of its own, killed with SIGKILL in the middle of a slot (its file half
 * fetched) and started again: every slot of the mirror published once, none skipped, none repeated.
 */
class GdeltFeedKillIT {

    static final Slot S0 = Slot.parse("20250601000000");
    static final int SLOTS = 24;
    static final int HELD = 12;

    static Slot slot(int i) {
        return new Slot(S0.start().plus(Slot.LENGTH.multipliedBy(i)));
    }

    @Test
    void shouldPublishEverySlotOnceWhenTheFeedProcessIsKilledMidSlotAndRestarted() throws Exception {
        TestIds ids = TestIds.unique("GdeltFeedKillIT");
        Topics topics = new Topics(ids.prefix());
        try (GdeltTestMirror mirror = new GdeltTestMirror()) {
            for (int i = 0; i < SLOTS; i++) {
                byte[] rows = GdeltTestMirror.rows(i % 2 == 0 ? GdeltTestMirror.WITH_EVENTS
                        : GdeltTestMirror.WITHOUT_EVENTS, 10 + i);
                if (i == HELD) {
                    mirror.gated(slot(i), rows);
                } else {
                    mirror.good(slot(i), rows);
                }
            }
            mirror.latest(slot(SLOTS - 1));
            List<String> args = List.of("gdelt", "--bootstrap-servers", SharedKafka.bootstrapServers(),
                    "--set", "topic.prefix=" + ids.prefix(), "--base-url", mirror.baseUrl().toString(),
                    "--from", "2025-06-01", "--poll-interval", "2s", "--timeout", "60s", "--http-port", "0");

            PipelineProcess first = PipelineProcess.start("feed", PipelineProcess.logFile("gdelt-feed-kill-1"), Map.of(),
                    List.of(), args);
            String held = GdeltTestMirror.exportName(slot(HELD));
            await().atMost(Duration.ofSeconds(60)).until(() -> mirror.requests().contains(held));
            first.kill(); // inside slot 12: its file requested, not answered

            mirror.openGate();
            try (PipelineProcess second = PipelineProcess.start("feed", PipelineProcess.logFile("gdelt-feed-kill-2"),
                    Map.of(), List.of(), args)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> second.output().contains("up to slot "
                        + slot(SLOTS - 1).label()));
                assertThat(second.output()).contains("resuming after slot " + slot(HELD - 1).label());
            }
        }

        List<String> expected = IntStream.range(0, SLOTS).filter(i -> i % 2 == 0).boxed()
                .flatMap(i -> List.of("gdelt:" + (10 + i) + "479492373", "gdelt:" + (10 + i) + "479492819").stream())
                .toList();
        try (CommittedReader events = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                topics.events().name());
                CommittedReader volumes = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                        topics.coverage().name());
                CommittedReader checkpoints = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                        topics.feedCheckpoints().name())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events.poll().size() >= expected.size()
                    && volumes.poll().size() >= SLOTS * 4 && !checkpoints.poll().isEmpty());
            assertThat(events.poll()).extracting(r -> EventJson.fromBytes(r.value()).id())
                    .containsExactlyInAnyOrderElementsOf(expected);
            List<ChannelVolume> published = volumes.poll().stream().map(ConsumerRecord::value)
                    .map(v -> topics.coverage().valueSerde().deserializer().deserialize("", v)).toList();
            assertThat(published).extracting(v -> v.dyad() + "@" + v.slotStart()).doesNotHaveDuplicates()
                    .hasSize(SLOTS * 4);
            FeedCheckpoint last = topics.feedCheckpoints().valueSerde().deserializer()
                    .deserialize("", checkpoints.latest().get(GdeltFeed.NAME));
            assertThat(last.lastSlot()).isEqualTo(slot(SLOTS - 1).start());
            assertThat(last.openGaps()).isEmpty();
        }
    }
}
