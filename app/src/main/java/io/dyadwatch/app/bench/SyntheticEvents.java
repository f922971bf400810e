package io.dyadwatch.app.bench;

import io.dyadwatch.model.event.EventType;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A deterministic stream of valid events for the benchmark: watched dyads in turn, event times over thirty years
 * (1995-2025) whatever the number of events, either advancing evenly ({@link Order#TIME}: a live feed or a
 * backfill) or drawn at random ({@link Order#RANDOM}: every report may be late, the worst case for restating
 * later periods), a mix of types with names and locations
 * (so corroboration does work), and every {@value #PROBE_EVERY}th event a confirmed mutual-defence treaty for
 * the next dyad in turn: a signature event that fires an alert, whose latency is measured. Probes of one dyad are
 * {@code 4 x PROBE_EVERY} events apart, enough event time for the previous alert to have resolved.
 */
public final class SyntheticEvents {

    /** One probe (signature event) every this many events. */
    public static final int PROBE_EVERY = 1_000;

    private static final String[][] DYADS = {{"RUS", "CHN"}, {"RUS", "IRN"}, {"CHN", "IRN"}, {"RUS", "PRK"}};
    private static final EventType[] TYPES = {EventType.JOINT_EXERCISE, EventType.COMBINED_PATROL,
        EventType.LEADER_EXCHANGE, EventType.ARMS_TRANSFER, EventType.DUAL_USE_EXPORT, EventType.PUBLIC_STATEMENT,
        EventType.SANCTIONS_ACTION, EventType.DEFENSE_INDUSTRIAL_COOPERATION};
    private static final String[] SOURCES = {"Reuters", "TASS", "Xinhua", "Kyodo", "Yonhap", "AP"};

    private SyntheticEvents() {
    }

    /** How event times follow each other. */
    public enum Order {
        /** Evenly advancing. */
        TIME,
        /** Uniformly at random over the thirty years. */
        RANDOM
    }

    /** A dyad key, the event's id and JSON bytes, and whether it is a probe. */
    public record GeneratedEvent(String key, String id, byte[] value, boolean probe) {
    }

    /**
     * The closest probe spacing for {@code n} events that still leaves a year of event time between two probes of
     * one dyad (so each probe's alert has resolved before the next fires), and at least 100 events.
     */
    public static int probeSpacing(int n) {
        return Math.max(100, (n + DYADS.length * 30 - 1) / (DYADS.length * 30));
    }

    /**
     * {@code n} records, the same for the same seed, a probe every {@code probeEvery}th, made one at a time: a run
     * of millions of events does not hold them all in memory (the benchmark measures the pipeline's memory, not its
     * load generator's).
     */
    public static Iterator<GeneratedEvent> stream(int n, long seed, int probeEvery) {
        return stream(n, seed, probeEvery, Order.TIME);
    }

    /** As {@link #stream(int, long, int)}, with event times in the given order. */
    public static Iterator<GeneratedEvent> stream(int n, long seed, int probeEvery, Order order) {
        if (probeEvery < 1) {
            throw new IllegalArgumentException("probeEvery must be positive, got " + probeEvery);
        }
        SplittableRandom random = new SplittableRandom(seed);
        java.time.Instant start = java.time.Instant.parse("1995-01-01T00:00:00Z");
        long span = java.time.Duration.ofDays(365L * 30).toMillis();
        long step = span / Math.max(1, n);
        SplittableRandom times = new SplittableRandom(seed ^ 0x5DEECE66DL);
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public GeneratedEvent next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                long offset = order == Order.TIME ? step * i : times.nextLong(span);
                GeneratedEvent record = record(i, seed, probeEvery, random, start.plusMillis(offset));
                i++;
                return record;
            }
        };
    }

    private static GeneratedEvent record(int i, long seed, int probeEvery, SplittableRandom random, java.time.Instant day) {
        boolean probe = i % probeEvery == probeEvery - 1;
        String[] actors = DYADS[(probe ? i / probeEvery : i) % DYADS.length];
        String key = actors[0].compareTo(actors[1]) < 0 ? actors[0] + "-" + actors[1] : actors[1] + "-" + actors[0];
        String json;
        if (probe) {
            json = "{\"id\":\"bench-" + seed + "-" + i + "\",\"type\":\"DEFENSE_AGREEMENT\",\"actors\":[\"" + actors[0]
                    + "\",\"" + actors[1] + "\"],\"occurredAt\":\"" + day + "\",\"source\":{\"name\":\"Reuters\","
                    + "\"reliability\":\"A\",\"credibility\":1},\"attributes\":{\"kind\":\"mutual-defense\"},"
                    + "\"summary\":\"benchmark probe " + i + "\"}";
        } else {
            EventType type = TYPES[random.nextInt(TYPES.length)];
            String source = SOURCES[random.nextInt(SOURCES.length)];
            json = "{\"id\":\"bench-" + seed + "-" + i + "\",\"type\":\"" + type + "\",\"actors\":[\"" + actors[0]
                    + "\",\"" + actors[1] + "\"],\"occurredAt\":\"" + day + "\",\"source\":{\"name\":\"" + source
                    + "\",\"reliability\":\"B\",\"credibility\":" + (1 + random.nextInt(3)) + "},\"attributes\":{"
                    + "\"name\":\"Exercise " + random.nextInt(50) + "\",\"location\":\"Sea of Japan\","
                    + "\"domains\":[\"naval\",\"air\"],\"themes\":[\"anti-submarine\"],\"near\":[\"JPN\"],"
                    + "\"framework\":\"bilateral\",\"level\":\"defense-minister\",\"stance\":\"alignment\"},"
                    + "\"summary\":\"benchmark event " + i + " of type " + type + "\"}";
        }
        return new GeneratedEvent(key, "bench-" + seed + "-" + i, json.getBytes(StandardCharsets.UTF_8), probe);
    }
}
