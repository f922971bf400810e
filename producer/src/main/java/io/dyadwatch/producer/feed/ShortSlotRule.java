package io.dyadwatch.producer.feed;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Whether a slot holds far fewer rows than recent slots, so it is a gap rather than a quiet quarter hour. The rule:
 * a slot with no data rows is short; once {@value #MIN_HISTORY} good slots are known, a slot with fewer rows than
 * {@value #FRACTION} of the median of the last {@value #WINDOW} good slots is short. GDELT 2.0 exports hold about
 * 1,000-3,000 rows a slot; a file of a handful of rows is a failed export, not a calm news cycle. Not thread-safe.
 */
final class ShortSlotRule {

    /** Good slots remembered. */
    static final int WINDOW = 16;
    /** Good slots needed before the median is used. */
    static final int MIN_HISTORY = 4;
    /** Share of the median below which a slot is short. */
    static final double FRACTION = 0.1;

    private final Deque<Long> recent = new ArrayDeque<>();

    /** Null when a slot of {@code rows} data rows passes; else why it is short. */
    String verdict(long rows) {
        if (rows == 0) {
            return "no data rows";
        }
        if (recent.size() < MIN_HISTORY) {
            return null;
        }
        long median = median();
        long floor = (long) Math.ceil(median * FRACTION);
        return rows < floor ? rows + " rows; the median of the last " + recent.size() + " good slots is " + median
                + ", the floor " + (int) (FRACTION * 100) + "% of it is " + floor : null;
    }

    /** The rows of the good slots remembered, oldest first. */
    java.util.List<Long> recent() {
        return java.util.List.copyOf(recent);
    }

    /** Remembers a good slot's rows. */
    void accepted(long rows) {
        recent.addLast(rows);
        if (recent.size() > WINDOW) {
            recent.removeFirst();
        }
    }

    private long median() {
        long[] sorted = recent.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
