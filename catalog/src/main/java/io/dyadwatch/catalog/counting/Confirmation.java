package io.dyadwatch.catalog.counting;

import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * When a real-world event counts: the one counting rule shared by the pipeline and the baseline derivation.
 *
 * <p>An event counts 1 for each of its indicators once it is CONFIRMED: one of its reports comes from a usually
 * reliable source (reliability A or B) with confirmed or probably true information (credibility 1 or 2), or it was
 * reported by at least {@value #INDEPENDENT_SOURCES} independent sources (distinct source names). Grade decides
 * whether an event counts, never how much: the same activity reported at B2 and at A1 counts the same. An event that
 * is not confirmed counts for no likelihood term (the pipeline tallies it separately, as unconfirmed).
 */
public final class Confirmation {

    /** Independent sources that confirm an event whatever their grades. */
    public static final int INDEPENDENT_SOURCES = 2;

    private Confirmation() {
    }

    /** True when one report of this grade confirms an event on its own: reliability A or B, credibility 1 or 2. */
    public static boolean confirmsAlone(Grade grade) {
        Objects.requireNonNull(grade, "grade");
        return (grade.reliability() == 'A' || grade.reliability() == 'B') && grade.credibility() <= 2;
    }

    /**
     * True when an event is confirmed.
     *
     * @param bestGrade          the best grade any of its reports carries
     * @param independentSources how many distinct sources reported it, &gt;= 1
     */
    public static boolean isConfirmed(Grade bestGrade, int independentSources) {
        if (independentSources < 1) {
            throw new IllegalArgumentException("an event has at least one source, got " + independentSources);
        }
        return confirmsAlone(bestGrade) || independentSources >= INDEPENDENT_SOURCES;
    }

    /** True when the reports of one event, from these sources, confirm it (sources compared by name, case-insensitively). */
    public static boolean isConfirmed(Collection<Source> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("an event has at least one report");
        }
        Grade best = reports.stream().map(Source::grade).min(Grade::compareTo).orElseThrow();
        return isConfirmed(best, independentSources(reports));
    }

    /** Distinct source names among the reports, compared case-insensitively after trimming. */
    public static int independentSources(Collection<Source> reports) {
        return reports.stream().map(s -> s.name().trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()).size();
    }
}
