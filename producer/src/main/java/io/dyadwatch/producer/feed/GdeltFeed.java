package io.dyadwatch.producer.feed;

import io.dyadwatch.model.channel.CoverageGap;
import io.dyadwatch.model.channel.FeedCheckpoint;
import io.dyadwatch.model.event.Channels;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import io.dyadwatch.producer.gdelt.GdeltImporter;
import io.dyadwatch.producer.gdelt.GdeltMention;
import io.dyadwatch.producer.gdelt.MentionReports;
import io.dyadwatch.producer.importing.Line;
import io.dyadwatch.producer.importing.LineReader;
import io.dyadwatch.producer.importing.MalformedRowException;
import io.dyadwatch.producer.importing.ImportReport;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GDELT 2.0 feed: reads each 15-minute slot's export from a mirror, maps its rows with {@link GdeltImporter},
 * counts every row of each watched dyad (the volume), and hands the slot to a {@link SlotOutput}. The manifests are
 * untrusted: a slot that is missing, corrupt, of the wrong size or checksum, or short ({@link ShortSlotRule}) is a
 * {@link CoverageGap}, logged with its slot, counted, published, and retried under a {@link RetryPolicy}; it never
 * stops the feed. A slot served but not listed is read (its zip's CRC still checks the bytes). Slot arithmetic is in
 * UTC only.
 *
 * <p>Live ({@link #poll()}): each poll reads {@code lastupdate.txt} and deals with every slot after the last one dealt
 * with up to the newest listed, consulting {@code masterfilelist.txt} only when more than one slot is due, then
 * retries the gaps whose time has come. Backfill ({@link #backfill}): every slot of a span, from the master list.
 *
 * <p>Not thread-safe: one thread drives a feed.
 */
public final class GdeltFeed {

    /** The feed's name: its checkpoint key. */
    public static final String NAME = "gdelt";

    private static final Logger LOG = LoggerFactory.getLogger(GdeltFeed.class);

    /** Waits between backfill attempts; tests pass one that advances a test clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What one live poll did. */
    public record PollResult(int slotsRead, int gapsOpened, int gapsClosed, String manifestFailure) {
    }

    private final GdeltMirror mirror;
    private final GdeltImporter importer;
    private final List<Dyad> volumeDyads;
    private final SlotOutput output;
    private final Clock clock;
    private final RetryPolicy retry;
    private final FeedMetrics metrics;
    private final ShortSlotRule shortRule = new ShortSlotRule();
    private final TreeMap<Slot, OpenGap> gaps = new TreeMap<>();
    private Slot last;
    private MentionReports mentions;

    /** A slot not covered yet: its published record, when it may be tried again, since when it fails. */
    private record OpenGap(CoverageGap record, Instant nextAttempt, Instant since) {
    }

    /**
     * @param watched the watched dyads: events for all, volume for the two-country ones (a GDELT row has two actors)
     */
    public GdeltFeed(GdeltMirror mirror, Set<Dyad> watched, SlotOutput output, MeterRegistry registry, Clock clock,
            RetryPolicy retry) {
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.importer = new GdeltImporter(watched);
        this.volumeDyads = watched.stream().filter(d -> d.members().size() == 2).toList();
        this.output = Objects.requireNonNull(output, "output");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.metrics = new FeedMetrics(registry, Channels.GDELT, clock);
    }

    /** Resumes after a committed checkpoint: the next slot is the one after its last; its open gaps are retried now. */
    public GdeltFeed resumeFrom(FeedCheckpoint checkpoint) {
        last = Slot.containing(checkpoint.lastSlot());
        Instant now = clock.instant();
        // retried at once; the time of the first failure is not kept, so the retry window restarts
        for (CoverageGap gap : checkpoint.openGaps()) {
            gaps.put(Slot.containing(gap.slotStart()), new OpenGap(gap, now, now));
        }
        checkpoint.recentRows().forEach(shortRule::accepted);
        metrics.openGaps(gaps.size());
        return this;
    }

    /**
     * Also reads each slot's mentions table: a later mention of an event this feed published, from a source that event
     * has not had, is published with the slot as a corroborating report of the event ({@link MentionReports}), never a
     * new event. A mentions file that cannot be read is logged and counted ({@code dyadwatch.feed.mentions.failed});
     * it does not make the slot a gap (the three files of a slot fail independently, and the export alone is coverage).
     */
    public GdeltFeed withMentions(MentionReports reports) {
        this.mentions = Objects.requireNonNull(reports, "reports");
        return this;
    }

    /** Starts fresh: the first slot read is {@code first}. */
    public GdeltFeed startAt(Slot first) {
        last = new Slot(first.start().minus(Slot.LENGTH));
        return this;
    }

    /** The newest slot dealt with, or null before the first. */
    public Slot last() {
        return last;
    }

    /** The slots not covered and still retried. */
    public List<CoverageGap> openGaps() {
        return gaps.values().stream().map(OpenGap::record).toList();
    }

    /**
     * One live poll. A manifest that cannot be read is reported and changes nothing.
     *
     * @throws IOException when the output fails (Kafka): the process should stop and resume from its checkpoint
     */
    public PollResult poll() throws IOException {
        GdeltManifest latest;
        try {
            latest = GdeltManifest.parse(mirror.text(GdeltMirror.LAST_UPDATE));
        } catch (SlotFailure e) {
            LOG.warn("GDELT {} not read ({}): {}", GdeltMirror.LAST_UPDATE, e.reason(), e.getMessage());
            return new PollResult(0, 0, 0, e.getMessage());
        }
        Slot newest = latest.latest(GdeltFile.Kind.EXPORT).orElse(null);
        int read = 0;
        int opened = 0;
        int closed = 0;
        if (newest != null) {
            if (last == null) {
                startAt(newest);
            }
            GdeltManifest listing = latest;
            if (last.next().compareTo(newest) < 0) {
                Slot after = last;
                Slot upTo = newest;
                listing = masterList(latest, slot -> slot.compareTo(after) > 0 && slot.compareTo(upTo) <= 0);
            }
            for (Slot slot = last.next(); slot.compareTo(newest) <= 0; slot = slot.next()) {
                if (attempt(slot, listing)) {
                    read++;
                } else {
                    opened++;
                }
            }
        }
        Instant now = clock.instant();
        List<Slot> due = gaps.entrySet().stream().filter(e -> !e.getValue().nextAttempt().isAfter(now))
                .map(Map.Entry::getKey).toList();
        if (!due.isEmpty()) {
            Set<Slot> wanted = Set.copyOf(due);
            GdeltManifest listing = masterList(latest, wanted::contains);
            for (Slot slot : due) {
                if (attempt(slot, listing)) {
                    closed++;
                }
            }
        }
        return new PollResult(read, opened, closed, null);
    }

    private GdeltManifest masterList(GdeltManifest fallback, java.util.function.Predicate<Slot> wanted) {
        try {
            return mirror.manifest(GdeltMirror.MASTER_LIST, wanted);
        } catch (SlotFailure e) {
            LOG.warn("GDELT {} not read ({}): {}; slots it would list are fetched unchecked", GdeltMirror.MASTER_LIST,
                    e.reason(), e.getMessage());
            return fallback;
        }
    }

    /** Tries one slot; true when read, false when it is (still) a gap. */
    private boolean attempt(Slot slot, GdeltManifest listing) throws IOException {
        try {
            SlotContents contents = read(slot, listing);
            OpenGap was = gaps.get(slot);
            Slot newLast = slot.compareTo(last) > 0 ? slot : last;
            TreeMap<Slot, OpenGap> after = new TreeMap<>(gaps);
            after.remove(slot);
            List<Long> recent = new ArrayList<>(shortRule.recent());
            recent.add(contents.report().rowsRead());
            output.slotRead(contents, was == null ? null : was.record().closed(clock.instant()),
                    checkpoint(newLast, after, recent.subList(Math.max(0, recent.size() - ShortSlotRule.WINDOW),
                            recent.size())));
            gaps.remove(slot);
            last = newLast;
            shortRule.accepted(contents.report().rowsRead());
            metrics.slotRead(contents);
            metrics.openGaps(gaps.size());
            if (was != null) {
                LOG.info("GDELT slot {} read after {} failed attempts: gap closed", slot, was.record().attempts());
            }
            return true;
        } catch (SlotFailure failure) {
            missed(slot, failure);
            return false;
        }
    }

    private void missed(Slot slot, SlotFailure failure) throws IOException {
        Instant now = clock.instant();
        OpenGap was = gaps.get(slot);
        int attempts = was == null ? 1 : was.record().attempts() + 1;
        Instant since = was == null ? now : was.since();
        CoverageGap record = new CoverageGap(Channels.GDELT, slot.start(), slot.end(), failure.reason(),
                failure.getMessage(), attempts, true, now);
        Duration wait = retry.delay(attempts, failure.retryAfter());
        Instant next = now.plus(wait);
        boolean givingUp = next.isAfter(since.plus(retry.giveUpAfter()));
        Slot newLast = slot.compareTo(last) > 0 ? slot : last;
        TreeMap<Slot, OpenGap> after = new TreeMap<>(gaps);
        if (givingUp) {
            after.remove(slot);
        } else {
            after.put(slot, new OpenGap(record, next, since));
        }
        output.slotMissed(record, checkpoint(newLast, after, shortRule.recent()));
        gaps.clear();
        gaps.putAll(after);
        last = newLast;
        metrics.slotFailed(failure.reason());
        metrics.openGaps(gaps.size());
        LOG.warn("GDELT slot {} not covered ({}): {}; attempt {}, {}", slot, failure.reason(), failure.getMessage(),
                attempts, givingUp ? "no more retries (it stays a gap)" : "next attempt at " + next);
    }

    private FeedCheckpoint checkpoint(Slot newLast, Map<Slot, OpenGap> open, List<Long> recentRows) {
        return new FeedCheckpoint(NAME, newLast.start(), open.values().stream().map(OpenGap::record).toList(),
                recentRows, clock.instant());
    }

    /** Fetches, checks, unzips and imports one slot's export. */
    private SlotContents read(Slot slot, GdeltManifest listing) throws SlotFailure {
        GdeltFile listed = listing.file(slot, GdeltFile.Kind.EXPORT).orElse(null);
        String name = listed == null ? GdeltFile.Kind.EXPORT.fileName(slot) : listed.name();
        byte[] zip = mirror.bytes(name);
        if (listed != null) {
            SlotArchive.verify(zip, listed);
        }
        byte[] text = SlotArchive.unzip(name, zip);
        List<Event> events = new ArrayList<>();
        Map<String, Long> rows = new TreeMap<>();
        volumeDyads.forEach(d -> rows.put(d.key(), 0L));
        ImportReport report;
        try {
            report = importer.importStream(name, new ByteArrayInputStream(text), events::add,
                    dyad -> rows.merge(dyad.key(), 1L, Long::sum));
        } catch (IOException e) {
            throw new SlotFailure(CoverageGap.CORRUPT, name + ": " + e.getMessage(), null);
        }
        String tooShort = shortRule.verdict(report.rowsRead());
        if (tooShort != null) {
            throw new SlotFailure(CoverageGap.SHORT, name + ": " + tooShort, null);
        }
        if (listed == null) {
            LOG.info("GDELT slot {} served but not listed: read without a checksum to check", slot);
        }
        if (mentions != null) {
            events.forEach(mentions::published);
            events.addAll(corroborations(slot, listing));
        }
        return new SlotContents(slot, events, rows, report);
    }

    /** The corroborating reports of the slot's mentions table; none when it cannot be read. */
    private List<Event> corroborations(Slot slot, GdeltManifest listing) {
        GdeltFile listed = listing.file(slot, GdeltFile.Kind.MENTIONS).orElse(null);
        String name = listed == null ? GdeltFile.Kind.MENTIONS.fileName(slot) : listed.name();
        List<Event> reports = new ArrayList<>();
        try {
            byte[] zip = mirror.bytes(name);
            if (listed != null) {
                SlotArchive.verify(zip, listed);
            }
            LineReader lines = new LineReader(new ByteArrayInputStream(SlotArchive.unzip(name, zip)));
            long malformed = 0;
            for (Line line = lines.next(); line != null; line = lines.next()) {
                if (line.overlong() || line.text().isBlank()) {
                    malformed += line.overlong() ? 1 : 0;
                    continue;
                }
                try {
                    mentions.report(GdeltMention.parse(line.text())).ifPresent(reports::add);
                } catch (MalformedRowException e) {
                    malformed++;
                }
            }
            if (malformed > 0) {
                LOG.warn("GDELT mentions of slot {}: {} malformed rows skipped", slot, malformed);
            }
        } catch (SlotFailure | IOException e) {
            String reason = e instanceof SlotFailure f ? f.reason() : CoverageGap.CORRUPT;
            metrics.mentionsFailed(reason);
            LOG.warn("GDELT mentions of slot {} not read ({}): {}; the slot's events are published without them", slot,
                    reason, e.getMessage());
        }
        return reports;
    }

    /**
     * Reads every slot from {@code from} to {@code to} (inclusive) from the master list. A slot that fails for a
     * passing reason (throttled, timeout, unreachable) is tried up to {@code attempts} times, waiting per the retry
     * policy and {@code Retry-After}; then, or at once for a lasting reason, it is a gap and the backfill goes on.
     *
     * @param progress told the number of slots done after each
     * @throws SlotFailure  when the master list cannot be read
     * @throws IOException  when the output fails
     */
    public BackfillSummary backfill(Slot from, Slot to, int attempts, Sleeper sleeper, IntConsumer progress)
            throws SlotFailure, IOException, InterruptedException {
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("the backfill ends (" + to + ") before it starts (" + from + ")");
        }
        GdeltManifest master = withRetries(() -> mirror.manifest(GdeltMirror.MASTER_LIST,
                slot -> slot.compareTo(from) >= 0 && slot.compareTo(to) <= 0), attempts, sleeper);
        long slots = 0;
        long read = 0;
        long unlisted = 0;
        long rowsRead = 0;
        Map<String, Long> rowsByDyad = new TreeMap<>();
        volumeDyads.forEach(d -> rowsByDyad.put(d.key(), 0L));
        Map<String, Map<EventType, Long>> kept = new TreeMap<>();
        long corroborations = 0;
        List<CoverageGap> missed = new ArrayList<>();
        for (Slot slot = from; slot.compareTo(to) <= 0; slot = slot.next()) {
            slots++;
            Slot current = slot;
            try {
                SlotContents contents = withRetries(() -> read(current, master), attempts, sleeper);
                output.slotRead(contents, null, null);
                shortRule.accepted(contents.report().rowsRead());
                metrics.slotRead(contents);
                read++;
                if (master.file(slot, GdeltFile.Kind.EXPORT).isEmpty()) {
                    unlisted++;
                }
                rowsRead += contents.report().rowsRead();
                corroborations += contents.events().size() - contents.report().eventsProduced();
                contents.rows().forEach((dyad, n) -> rowsByDyad.merge(dyad, n, Long::sum));
                contents.report().eventsByDyadAndType().forEach((dyad, byType) -> byType.forEach((type, n) ->
                        kept.computeIfAbsent(dyad.key(), d -> new EnumMap<>(EventType.class)).merge(type, n, Long::sum)));
            } catch (SlotFailure failure) {
                CoverageGap gap = new CoverageGap(Channels.GDELT, slot.start(), slot.end(), failure.reason(),
                        failure.getMessage(), attemptsOf(failure, attempts), true, clock.instant());
                output.slotMissed(gap, null);
                metrics.slotFailed(failure.reason());
                missed.add(gap);
                LOG.warn("GDELT slot {} not covered ({}): {}", slot, failure.reason(), failure.getMessage());
            }
            progress.accept((int) slots);
        }
        return new BackfillSummary(from, to, slots, read, unlisted, rowsRead, rowsByDyad, kept, corroborations,
                missed);
    }

    /** A step that may fail with a {@link SlotFailure}. */
    @FunctionalInterface
    private interface Fetch<T> {
        T get() throws SlotFailure;
    }

    private static boolean passing(SlotFailure failure) {
        return switch (failure.reason()) {
            case CoverageGap.THROTTLED, CoverageGap.TIMEOUT, CoverageGap.UNREACHABLE -> true;
            default -> false;
        };
    }

    private static int attemptsOf(SlotFailure failure, int attempts) {
        return passing(failure) ? attempts : 1;
    }

    private <T> T withRetries(Fetch<T> fetch, int attempts, Sleeper sleeper) throws SlotFailure, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return fetch.get();
            } catch (SlotFailure failure) {
                if (!passing(failure) || attempt >= attempts) {
                    throw failure;
                }
                Duration wait = retry.delay(attempt, failure.retryAfter());
                LOG.info("{}; attempt {} of {}, retrying in {} s", failure.getMessage(), attempt, attempts,
                        wait.toSeconds());
                sleeper.sleep(wait);
            }
        }
    }
}
