package io.dyadwatch.catalog.report;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.CatalogProblem;
import io.dyadwatch.catalog.DyadProfile;
import io.dyadwatch.catalog.Indicator;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.List;
import java.util.Locale;

/** The text of {@code catalog show} and {@code catalog validate}: pure functions of their input. */
public final class CatalogReport {

    private CatalogReport() {
    }

    /** The Indicators Validator matrix of the catalog's default dyad. */
    public static String show(Catalog catalog) {
        return show(catalog, catalog.defaultDyad());
    }

    /**
     * The Indicators Validator matrix as a fixed-width table: one row per indicator with its expected rate under each
     * scenario relative to the baseline, the dyad's baseline, the diagnosticity at the baseline count and at one
     * event (nats), and a flag for non-diagnostic and weak indicators; then the dyad's priors and a legend.
     */
    public static String show(Catalog catalog, Dyad dyad) {
        DyadProfile profile = catalog.dyad(dyad);
        int idWidth = Math.max("indicator".length(), catalog.indicators().stream().mapToInt(i -> i.id().length()).max().orElse(0));
        String rowFormat = "%-" + idWidth + "s  %10s  %9s  %13s  %10s  %9s  %9s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Indicators Validator matrix: %s (%s), catalog %s%n", profile.dyad(), profile.label(), catalog.origin()));
        out.append("Expected events per quarter relative to the baseline under each scenario.\n\n");
        out.append(String.format(Locale.ROOT, rowFormat, "indicator", "STATUS_QUO", "WEAKENING", "STRENGTHENING",
                "baseline/q", "D@base", "D@1", "flag"));
        out.append("-".repeat(idWidth + 2 + 10 + 2 + 9 + 2 + 13 + 2 + 10 + 2 + 9 + 2 + 9 + 2 + 14)).append('\n');
        int nonDiagnostic = 0;
        int weak = 0;
        for (Indicator i : catalog.indicators()) {
            IndicatorDiagnosticity d = IndicatorDiagnosticity.of(i, profile.baseline(i.id()));
            String flag = d.nonDiagnostic() ? "NON-DIAGNOSTIC" : d.weak() ? "weak" : "";
            nonDiagnostic += d.nonDiagnostic() ? 1 : 0;
            weak += d.weak() ? 1 : 0;
            out.append(String.format(Locale.ROOT, rowFormat, i.id(),
                    fmt(i.relativeRate(Scenario.STATUS_QUO)), fmt(i.relativeRate(Scenario.WEAKENING)),
                    fmt(i.relativeRate(Scenario.STRENGTHENING)), fmt(d.baseline()), fmt(d.atBaseline()), fmt(d.atOneEvent()), flag).stripTrailing()
                    + "\n");
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%d indicators, %d non-diagnostic, %d weak.%n", catalog.indicators().size(), nonDiagnostic, weak));
        out.append(String.format(Locale.ROOT, "Priors: STATUS_QUO %.2f, WEAKENING %.2f, STRENGTHENING %.2f%n",
                profile.priors().get(Scenario.STATUS_QUO), profile.priors().get(Scenario.WEAKENING), profile.priors().get(Scenario.STRENGTHENING)));
        out.append("D@base: largest |log-likelihood ratio| between two scenarios when the count equals the baseline expectation.\n");
        out.append("D@1: the same when exactly one event is seen. NON-DIAGNOSTIC: the same rate under every scenario.\n");
        out.append(String.format(Locale.ROOT, "weak: both below %.1f nats.%n", IndicatorDiagnosticity.WEAK_BELOW));
        return out.toString();
    }

    /** The text of {@code catalog validate}: one line per problem, or a line saying the catalog is valid. */
    public static String validation(String origin, List<CatalogProblem> problems) {
        if (problems.isEmpty()) {
            return origin + ": valid\n";
        }
        StringBuilder out = new StringBuilder();
        for (CatalogProblem p : problems) {
            out.append(origin).append(':').append(p).append('\n');
        }
        out.append(problems.size()).append(problems.size() == 1 ? " problem\n" : " problems\n");
        return out.toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 0.995 ? "%.2f" : "%.3f", value);
    }
}
