package io.dyadwatch.catalog;

import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much one report counts, from its Admiralty grade, and how independent reports of one event combine.
 *
 * <p>A report graded {@code Xn} counts {@code w = reliability[X] * credibility[n]}, a number in (0, 1]: roughly the
 * probability that the reported event really happened as reported. Reports of one event from
 * {@code k} independent sources combine as a noisy-OR, {@code 1 - (1 - w1)(1 - w2)...(1 - wk)}: one source gives its
 * own weight, each further source raises the weight by less than the one before (diminishing returns), and the result
 * never exceeds 1 (one event is at most one event). Repeats of a story by the same source are not independent: keep
 * one grade per source, the best ({@link #independentGrades}).
 *
 * @param reliability weight of each reliability letter A-F, index 0 = A
 * @param credibility weight of each credibility digit 1-6, index 0 = 1
 */
public record SourceWeighting(double[] reliability, double[] credibility) {

    public SourceWeighting {
        reliability = check(reliability, 6, "reliability");
        credibility = check(credibility, 6, "credibility");
    }

    /** The weight of one report with this grade, in (0, 1]. */
    public double weight(Grade grade) {
        return reliability[grade.reliability() - 'A'] * credibility[grade.credibility() - 1];
    }

    /** The weight of one event as reported by its source. */
    public double weight(Event event) {
        return weight(event.source().grade());
    }

    /**
     * The weight of one event reported by independent sources with these grades: {@code 1 - prod(1 - w_i)};
     * 0 for no source.
     */
    public double corroboratedWeight(List<Grade> independentSourceGrades) {
        double missProbability = 1;
        for (Grade g : independentSourceGrades) {
            missProbability *= 1 - weight(g);
        }
        return 1 - missProbability;
    }

    /** One grade per distinct source name (case-insensitive), the best that source gave: the input of {@link #corroboratedWeight}. */
    public static List<Grade> independentGrades(Collection<Source> sources) {
        Map<String, Grade> best = new LinkedHashMap<>();
        for (Source s : sources) {
            best.merge(s.name().trim().toLowerCase(Locale.ROOT), s.grade(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        return List.copyOf(best.values());
    }

    @Override
    public double[] reliability() {
        return reliability.clone();
    }

    @Override
    public double[] credibility() {
        return credibility.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceWeighting w && Arrays.equals(reliability, w.reliability) && Arrays.equals(credibility, w.credibility);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(reliability) + Arrays.hashCode(credibility);
    }

    @Override
    public String toString() {
        return "SourceWeighting[reliability=" + Arrays.toString(reliability) + ", credibility=" + Arrays.toString(credibility) + "]";
    }

    private static double[] check(double[] weights, int size, String name) {
        if (weights == null || weights.length != size) {
            throw new IllegalArgumentException(name + " needs " + size + " weights");
        }
        for (double w : weights) {
            if (!(w > 0) || w > 1) {
                throw new IllegalArgumentException(name + " weights must be in (0, 1], got " + w);
            }
        }
        return weights.clone();
    }
}
