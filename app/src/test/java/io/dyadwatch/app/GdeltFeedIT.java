package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.app.feed.FeedLoop;
import io.dyadwatch.app.feed.GdeltTestMirror;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.TopicAdmin;
import io.dyadwatch.model.channel.ChannelVolume;
import io.dyadwatch.model.channel.CoverageGap;
import io.dyadwatch.model.channel.FeedCheckpoint;
import io.dyadwatch.model.event.Channels;
import io.dyadwatch.model.event.EventJson;
import io.dyadwatch.model.topic.Topics;
import io.dyadwatch.producer.feed.GdeltFeed;
import io.dyadwatch.producer.feed.GdeltMirror;
import io.dyadwatch.producer.feed.RetryPolicy;
import io.dyadwatch.producer.feed.Slot;
import io.dyadwatch.producer.feed.TransactionalSlotOutput;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GDELT feed on a real broker against a local mirror: each slot's events, volume and checkpoint in one
 * transaction; a feed that dies mid-slot (its transaction left open, as after SIGKILL) and is restarted publishes
 * every slot exactly once.
 */
class GdeltFeedIT {

    static final Slot S0 = Slot.parse("20250601000000");

    @TempDir
    Path state;

    /** A crash: thrown past the output's abort handling, leaving the slot's transaction open. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash before the commit");
        }
    }

    static Slot slot(int i) {
        return new Slot(S0.start().plus(Slot.LENGTH.multipliedBy(i)));
    }

    static byte[] rowsOf(int i) {
        return GdeltTestMirror.rows(i % 2 == 0 ? GdeltTestMirror.WITH_EVENTS : GdeltTestMirror.WITHOUT_EVENTS, 10 + i);
    }

    @Test
    void shouldPublishEverySlotExactlyOnceWhenKilledMidSlotAndRestarted() throws Exception {
        TestIds ids = TestIds.unique("GdeltFeedIT");
        Settings settings = Settings.resolve(null, java.util.Map.of(), ids.flags(SharedKafka.bootstrapServers(), state));
        TopicAdmin.ensureTopics(settings.common(), settings.kafkaOverrides());
        Topics topics = settings.common().topics();
        try (GdeltTestMirror mirror = new GdeltTestMirror()) {
            for (int i = 0; i <= 5; i++) {
                mirror.good(slot(i), rowsOf(i));
            }
            mirror.listedNotServed(slot(4), rowsOf(4)).latest(slot(5));
            Clock clock = Clock.systemUTC();
            GdeltMirror client = new GdeltMirror(mirror.baseUrl(), Duration.ofSeconds(10), clock);

            TransactionalSlotOutput dying = output(settings, slot -> {
                if (slot.equals(slot(2))) {
                    throw new SimulatedCrash();
                }
            });
            try {
                GdeltFeed first = feed(client, settings, dying, clock).startAt(slot(0));
                assertThatThrownBy(first::poll).isInstanceOf(SimulatedCrash.class);

                // the restarted feed fences the dead one (whose slot-2 transaction is still open) and resumes
                try (TransactionalSlotOutput restarted = output(settings, slot -> { })) {
                    FeedCheckpoint checkpoint = restarted.checkpoint(GdeltFeed.NAME).orElseThrow();
                    assertThat(checkpoint.lastSlot()).isEqualTo(slot(1).start());
                    GdeltFeed second = feed(client, settings, restarted, clock).resumeFrom(checkpoint);
                    GdeltFeed.PollResult result = second.poll();
                    assertThat(result.slotsRead()).isEqualTo(3); // 2, 3, 5
                    assertThat(result.gapsOpened()).isEqualTo(1); // 4
                }
            } finally {
                dying.close();
            }
        }

        List<String> expectedIds = List.of("gdelt:10479492373", "gdelt:10479492819", "gdelt:12479492373",
                "gdelt:12479492819");
        try (CommittedReader events = new CommittedReader(SharedKafka.bootstrapServers(), java.util.Map.of(),
                topics.events().name());
                CommittedReader volumes = new CommittedReader(SharedKafka.bootstrapServers(), java.util.Map.of(),
                        topics.coverage().name());
                CommittedReader gaps = new CommittedReader(SharedKafka.bootstrapServers(), java.util.Map.of(),
                        topics.coverageGaps().name());
                CommittedReader checkpoints = new CommittedReader(SharedKafka.bootstrapServers(), java.util.Map.of(),
                        topics.feedCheckpoints().name())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events.poll().size() >= expectedIds.size()
                    && volumes.poll().size() >= 20 && !gaps.poll().isEmpty() && !checkpoints.poll().isEmpty());
            assertThat(events.poll()).extracting(r -> EventJson.fromBytes(r.value()).id())
                    .containsExactlyInAnyOrderElementsOf(expectedIds);
            List<ChannelVolume> published = volumes.poll().stream().map(ConsumerRecord::value)
                    .map(v -> topics.coverage().valueSerde().deserializer().deserialize("", v)).toList();
            assertThat(published).extracting(v -> Slot.containing(v.slotStart())).containsOnly(slot(0), slot(1),
                    slot(2), slot(3), slot(5));
            assertThat(published).extracting(v -> v.dyad() + "@" + v.slotStart()).doesNotHaveDuplicates().hasSize(20);
            assertThat(published).filteredOn(v -> v.dyad().equals("IRN-RUS")).extracting(ChannelVolume::rows)
                    .containsExactly(2L, 0L, 2L, 0L, 0L);
            CoverageGap gap = topics.coverageGaps().valueSerde().deserializer()
                    .deserialize("", gaps.latest().get(Channels.GDELT + "|" + slot(4).start()));
            assertThat(gap.open()).isTrue();
            assertThat(gap.reason()).isEqualTo(CoverageGap.MISSING);
            assertThat(gap.detail()).contains(slot(4).label());
            FeedCheckpoint last = topics.feedCheckpoints().valueSerde().deserializer()
                    .deserialize("", checkpoints.latest().get(GdeltFeed.NAME));
            assertThat(last.lastSlot()).isEqualTo(slot(5).start());
            assertThat(last.openGaps()).extracting(CoverageGap::slotStart).containsExactly(slot(4).start());
        }
    }

    static TransactionalSlotOutput output(Settings settings, Consumer<Slot> beforeCommit) {
        return new TransactionalSlotOutput(settings.common().bootstrapServers(), settings.kafkaOverrides(),
                settings.common().topics(), settings.common().dyads(), Channels.GDELT, FeedLoop.transactionalId(settings),
                beforeCommit);
    }

    static GdeltFeed feed(GdeltMirror mirror, Settings settings, TransactionalSlotOutput output, Clock clock) {
        return new GdeltFeed(mirror, new LinkedHashSet<>(settings.common().dyads()), output, new SimpleMeterRegistry(),
                clock, RetryPolicy.STANDARD);
    }
}
