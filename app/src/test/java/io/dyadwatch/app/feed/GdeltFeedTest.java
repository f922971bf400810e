package io.dyadwatch.app.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.model.channel.ChannelVolume;
import io.dyadwatch.model.channel.CoverageGap;
import io.dyadwatch.model.channel.FeedCheckpoint;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import io.dyadwatch.producer.feed.BackfillSummary;
import io.dyadwatch.producer.feed.GdeltFeed;
import io.dyadwatch.producer.feed.GdeltMirror;
import io.dyadwatch.producer.feed.RetryPolicy;
import io.dyadwatch.producer.feed.Slot;
import io.dyadwatch.producer.feed.SlotContents;
import io.dyadwatch.producer.feed.SlotOutput;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GDELT feed against a local mirror serving real GDELT rows and every fault of the issue, without Kafka: what it
 * hands its output, what it counts and what it reports.
 */
class GdeltFeedTest {

    static final Slot S0 = Slot.parse("20250601000000");
    static final Set<Dyad> WATCHED = new LinkedHashSet<>(List.of(Dyad.parse("CHN-RUS"), Dyad.parse("IRN-RUS"),
            Dyad.parse("CHN-IRN"), Dyad.parse("PRK-RUS"), Dyad.parse("CHN-IRN-RUS")));

    GdeltTestMirror mirror;
    final TestClock clock = new TestClock(Instant.parse("2025-06-01T06:00:00Z"));
    final Recording output = new Recording();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    static Slot slot(int i) {
        return new Slot(S0.start().plus(Slot.LENGTH.multipliedBy(i)));
    }

    /** Slot i's rows: the 2015 excerpt (two IRN-RUS events) for even i, the 2019 excerpt (none) for odd i. */
    static byte[] rowsOf(int i) {
        return GdeltTestMirror.rows(i % 2 == 0 ? GdeltTestMirror.WITH_EVENTS : GdeltTestMirror.WITHOUT_EVENTS, 10 + i);
    }

    /** The ids of the watched events of slot i. */
    static List<String> eventIdsOf(int i) {
        return i % 2 == 0 ? List.of("gdelt:" + (10 + i) + "479492373", "gdelt:" + (10 + i) + "479492819") : List.of();
    }

    @BeforeEach
    void serveFaults() throws Exception {
        mirror = new GdeltTestMirror();
        for (int i = 0; i <= 3; i++) {
            mirror.good(slot(i), rowsOf(i));
        }
        mirror.corrupt(slot(4))
                .checksumMismatch(slot(5), rowsOf(5))
                .listedNotServed(slot(6), rowsOf(6))
                .servedNotListed(slot(7), rowsOf(7))
                .good(slot(8), GdeltTestMirror.firstRows(rowsOf(8), 2))
                .throttled(slot(9), 120)
                .slow(slot(10))
                .good(slot(11), rowsOf(11))
                .good(slot(12), rowsOf(12))
                .latest(slot(12));
    }

    @AfterEach
    void close() {
        mirror.close();
    }

    GdeltFeed feed() {
        return new GdeltFeed(new GdeltMirror(mirror.baseUrl(), Duration.ofSeconds(2), clock), WATCHED, output, registry,
                clock, RetryPolicy.STANDARD);
    }

    @Test
    void shouldBackfillExactlyTheWatchedEventsOfTheGoodSlotsAndReportEveryFaultAsAGapNamingItsSlot() throws Exception {
        List<Duration> waits = new ArrayList<>();
        BackfillSummary summary = feed().backfill(slot(0), slot(12), 2, waits::add, n -> { });

        List<Integer> good = List.of(0, 1, 2, 3, 7, 11, 12);
        assertThat(output.eventIds()).containsExactlyElementsOf(good.stream().flatMap(i -> eventIdsOf(i).stream()).toList());
        assertThat(output.readSlots()).containsExactlyElementsOf(good.stream().map(GdeltFeedTest::slot).toList());
        assertThat(output.gaps()).extracting(g -> Slot.containing(g.slotStart()), CoverageGap::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(slot(4), CoverageGap.CORRUPT),
                org.assertj.core.groups.Tuple.tuple(slot(5), CoverageGap.CHECKSUM),
                org.assertj.core.groups.Tuple.tuple(slot(6), CoverageGap.MISSING),
                org.assertj.core.groups.Tuple.tuple(slot(8), CoverageGap.SHORT),
                org.assertj.core.groups.Tuple.tuple(slot(9), CoverageGap.THROTTLED),
                org.assertj.core.groups.Tuple.tuple(slot(10), CoverageGap.TIMEOUT));
        assertThat(output.gaps()).allSatisfy(g -> assertThat(g.detail()).contains(Slot.containing(g.slotStart()).label()));
        assertThat(summary.slots()).isEqualTo(13);
        assertThat(summary.read()).isEqualTo(7);
        assertThat(summary.unlisted()).isEqualTo(1);
        assertThat(summary.rowsByDyad()).containsEntry("IRN-RUS", 6L).containsEntry("CHN-RUS", 0L);
        assertThat(summary.eventsKept()).containsEntry("IRN-RUS", Map.of(EventType.JOINT_EXERCISE, 6L));
        assertThat(summary.render()).contains("slots skipped:  6 (gaps: not covered)", slot(9).label() + " throttled");
        assertThat(waits).as("the 429's Retry-After is honoured").contains(Duration.ofSeconds(120));
        assertThat(registry.get("dyadwatch.feed.slots.failed").tag("reason", "checksum").counter().count()).isEqualTo(1);
        assertThat(registry.get("dyadwatch.feed.slots.fetched").counter().count()).isEqualTo(7);
    }

    @Test
    void shouldPublishEveryRowOfEachWatchedDyadAsTheSlotsVolumeMappedOrNot() throws Exception {
        feed().backfill(slot(0), slot(0), 1, d -> { }, n -> { });

        assertThat(output.volumes()).extracting(ChannelVolume::dyad, ChannelVolume::rows).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CHN-IRN", 0L), org.assertj.core.groups.Tuple.tuple("CHN-RUS", 0L),
                org.assertj.core.groups.Tuple.tuple("IRN-RUS", 2L), org.assertj.core.groups.Tuple.tuple("PRK-RUS", 0L));
        assertThat(output.volumes()).allSatisfy(v -> {
            assertThat(v.slotStart()).isEqualTo(slot(0).start());
            assertThat(v.slotEnd()).isEqualTo(slot(1).start());
            assertThat(v.channel()).isEqualTo("gdelt");
        });
    }

    @Test
    void shouldKeepPollingPastGapsAndPickUpAListedSlotWhenItAppearsLater() throws Exception {
        GdeltFeed feed = feed().resumeFrom(new FeedCheckpoint("gdelt", slot(3).start(), List.of(), List.of(92L, 44L, 92L, 44L),
                clock.instant()));

        GdeltFeed.PollResult first = feed.poll();

        assertThat(first.slotsRead()).isEqualTo(3); // 7, 11, 12
        assertThat(first.gapsOpened()).isEqualTo(6);
        assertThat(feed.last()).isEqualTo(slot(12));
        assertThat(output.checkpoints().get(output.checkpoints().size() - 1).openGaps())
                .extracting(CoverageGap::slotStart, CoverageGap::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(slot(4).start(), CoverageGap.CORRUPT),
                        org.assertj.core.groups.Tuple.tuple(slot(5).start(), CoverageGap.CHECKSUM),
                        org.assertj.core.groups.Tuple.tuple(slot(6).start(), CoverageGap.MISSING),
                        org.assertj.core.groups.Tuple.tuple(slot(8).start(), CoverageGap.SHORT),
                        org.assertj.core.groups.Tuple.tuple(slot(9).start(), CoverageGap.THROTTLED),
                        org.assertj.core.groups.Tuple.tuple(slot(10).start(), CoverageGap.TIMEOUT));
        assertThat(registry.get("dyadwatch.feed.gaps.open").gauge().value()).isEqualTo(6);

        mirror.good(slot(6), rowsOf(6)); // the listed slot is served at last
        clock.advance(Duration.ofSeconds(90)); // past slot 6's first backoff (60 s), before the 429's Retry-After (120 s)
        int before = mirror.requests().size();
        GdeltFeed.PollResult second = feed.poll();

        assertThat(second.gapsClosed()).isEqualTo(1);
        assertThat(output.eventIds()).containsAll(eventIdsOf(6));
        assertThat(output.closedGaps()).extracting(g -> Slot.containing(g.slotStart())).containsExactly(slot(6));
        assertThat(mirror.requests().subList(before, mirror.requests().size()))
                .as("the throttled slot is not asked for before its Retry-After")
                .doesNotContain(GdeltTestMirror.exportName(slot(9)));
        assertThat(feed.openGaps()).hasSize(5);
    }

    @Test
    void shouldRetryTheOpenGapsOfItsCheckpointWithTheirReasonsAfterARestart() throws Exception {
        feed().resumeFrom(new FeedCheckpoint("gdelt", slot(3).start(), List.of(), List.of(92L, 44L, 92L, 44L),
                clock.instant())).poll();
        FeedCheckpoint atCrash = output.checkpoints().get(output.checkpoints().size() - 1);

        mirror.good(slot(5), rowsOf(5)); // its listing now matches
        GdeltFeed restarted = feed().resumeFrom(atCrash);
        restarted.poll();

        assertThat(output.closedGaps()).singleElement().satisfies(gap -> {
            assertThat(gap.slotStart()).isEqualTo(slot(5).start());
            assertThat(gap.reason()).as("the reason it had before the restart").isEqualTo(CoverageGap.CHECKSUM);
        });
        assertThat(restarted.openGaps()).extracting(CoverageGap::reason).containsExactly(CoverageGap.CORRUPT,
                CoverageGap.MISSING, CoverageGap.SHORT, CoverageGap.THROTTLED, CoverageGap.TIMEOUT);
        assertThat(restarted.openGaps()).extracting(CoverageGap::attempts).containsOnly(2);
    }

    @Test
    void shouldNotCountANearEmptySlotAsAQuietQuarterHour() throws Exception {
        feed().backfill(slot(0), slot(8), 1, d -> { }, n -> { });

        assertThat(output.gaps()).filteredOn(g -> g.reason().equals(CoverageGap.SHORT)).singleElement()
                .satisfies(g -> assertThat(g.detail()).contains("2 rows; the median of the last"));
        assertThat(output.volumes()).noneMatch(v -> v.slotStart().equals(slot(8).start()));
    }

    /** A mentions row (16 columns) as GDELT writes it. */
    static String mention(String eventId, Slot eventSlot, String mentionTime, String source, int confidence) {
        return String.join("\t", eventId, eventSlot.label(), mentionTime, "1", source, "https://" + source + "/story",
                "2", "10", "40", "25", "1", String.valueOf(confidence), "2400", "-1.5", "", "") + "\n";
    }

    @Test
    void shouldPublishLaterMentionsFromNewSourcesAsCorroboratingReportsOfTheirEventNeverAsNewEvents() throws Exception {
        String event = "10479492373";
        mirror.mentions(slot(0), mention(event, slot(0), "20250601001000", "reuters.com", 100)
                + mention(event, slot(0), "20250601001200", "reuters.com", 80) // the same source again
                + mention(event, slot(0), "20250601001300", "www.Reuters.com", 80) // the same, written otherwise
                + mention("999", slot(0), "20250601001300", "tass.ru", 90) // an event not published
                + "not a mentions row\n");
        BackfillSummary summary = feed().withMentions(new io.dyadwatch.producer.gdelt.MentionReports(1000))
                .backfill(slot(0), slot(1), 1, d -> { }, n -> { });

        List<Event> reports = output.slots().stream().flatMap(s -> s.events().stream())
                .filter(e -> e.attribute("reportOf") != null).toList();
        Event original = output.slots().get(0).events().stream().filter(e -> e.id().equals("gdelt:" + event))
                .findFirst().orElseThrow();
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.id()).isEqualTo("gdelt:" + event + ":m:reuters.com");
            assertThat(report.attribute("reportOf")).isEqualTo("gdelt:" + event);
            assertThat(report.type()).isEqualTo(original.type());
            assertThat(report.actors()).isEqualTo(original.actors());
            assertThat(report.occurredAt()).isEqualTo(original.occurredAt());
            assertThat(report.source().name()).isEqualTo("reuters.com");
            assertThat(report.reportedAt()).isEqualTo(Instant.parse("2025-06-01T00:10:00Z"));
        });
        assertThat(summary.corroborations()).isEqualTo(1);
        assertThat(summary.eventsKept()).containsEntry("IRN-RUS", Map.of(EventType.JOINT_EXERCISE, 2L));
        assertThat(summary.read()).as("a slot whose mentions file is missing is still covered").isEqualTo(2);
        assertThat(registry.get("dyadwatch.feed.mentions.failed").tag("reason", "missing").counter().count())
                .isEqualTo(1);
    }

    /** Everything a feed hands its output, in order. */
    static final class Recording implements SlotOutput {
        final List<Object> calls = new ArrayList<>();

        @Override
        public synchronized void slotRead(SlotContents slot, CoverageGap closedGap, FeedCheckpoint checkpoint) {
            calls.add(slot);
            if (closedGap != null) {
                calls.add(closedGap);
            }
            if (checkpoint != null) {
                calls.add(checkpoint);
            }
        }

        @Override
        public synchronized void slotMissed(CoverageGap gap, FeedCheckpoint checkpoint) {
            calls.add(gap);
            if (checkpoint != null) {
                calls.add(checkpoint);
            }
        }

        synchronized List<SlotContents> slots() {
            return calls.stream().filter(SlotContents.class::isInstance).map(SlotContents.class::cast).toList();
        }

        List<Slot> readSlots() {
            return slots().stream().map(SlotContents::slot).toList();
        }

        List<String> eventIds() {
            return slots().stream().flatMap(s -> s.events().stream()).map(Event::id).toList();
        }

        List<ChannelVolume> volumes() {
            return slots().stream().flatMap(s -> s.volumes("gdelt").stream()).toList();
        }

        synchronized List<CoverageGap> gaps() {
            return calls.stream().filter(CoverageGap.class::isInstance).map(CoverageGap.class::cast)
                    .filter(CoverageGap::open).toList();
        }

        synchronized List<CoverageGap> closedGaps() {
            return calls.stream().filter(CoverageGap.class::isInstance).map(CoverageGap.class::cast)
                    .filter(g -> !g.open()).toList();
        }

        synchronized List<FeedCheckpoint> checkpoints() {
            return calls.stream().filter(FeedCheckpoint.class::isInstance).map(FeedCheckpoint.class::cast).toList();
        }
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
