package io.dyadwatch.app.trackrecord;

import java.util.List;
import java.util.Objects;

/**
 * One dyad's track record.
 *
 * @param dyad                 the dyad
 * @param scores               every turning point of the dyad with its hit or miss, in turning-point order
 * @param falseAlarms          statistical alerts with no turning point of their scenario within the window
 * @param repeats              statistical alerts within a turning point's window after its hit (neither hit nor false)
 * @param signatures           signature alerts, listed apart (never a hit)
 * @param quartersInSample     replayed quarters inside the dyad's reference window
 * @param quartersOutOfSample  replayed quarters outside it
 * @param falseInSample        false alarms in quarters of the reference window
 * @param none                 why the dyad has no turning points, or null when it has some
 */
public record DyadTrackRecord(String dyad, List<TurningPointScore> scores, List<ScoredAlert> falseAlarms,
        List<ScoredAlert> repeats, List<ScoredAlert> signatures, int quartersInSample, int quartersOutOfSample,
        int falseInSample, String none) {

    public DyadTrackRecord {
        Objects.requireNonNull(dyad, "dyad");
        scores = List.copyOf(scores);
        falseAlarms = List.copyOf(falseAlarms);
        repeats = List.copyOf(repeats);
        signatures = List.copyOf(signatures);
        if (quartersInSample < 0 || quartersOutOfSample < 0) {
            throw new IllegalArgumentException("quarters must be >= 0");
        }
        if (falseInSample < 0 || falseInSample > falseAlarms.size()) {
            throw new IllegalArgumentException("false alarms in sample must be between 0 and " + falseAlarms.size());
        }
    }

    /** False alarms in quarters outside the reference window. */
    public int falseOutOfSample() {
        return falseAlarms.size() - falseInSample;
    }

    /** Turning points hit. */
    public long hits() {
        return scores.stream().filter(TurningPointScore::hit).count();
    }

    /** Turning points missed. */
    public long misses() {
        return scores.size() - hits();
    }
}
