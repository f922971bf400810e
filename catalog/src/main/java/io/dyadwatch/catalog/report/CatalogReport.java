package io.dyadwatch.catalog.report;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.CatalogProblem;
import io.dyadwatch.catalog.DyadProfile;
import io.dyadwatch.catalog.Indicator;
import io.dyadwatch.catalog.baseline.BaselineDerivation;
import io.dyadwatch.catalog.baseline.BaselineInfo;
import io.dyadwatch.catalog.baseline.RatePosterior;
import io.dyadwatch.catalog.model.CusumThresholds;
import io.dyadwatch.catalog.model.GenericMove;
import io.dyadwatch.catalog.model.OperatingCharacteristic;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.catalog.model.StatisticDrift;
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
        int familyWidth = Math.max("family".length(), catalog.families().keySet().stream().mapToInt(String::length).max().orElse(0));
        String rowFormat = "%-" + idWidth + "s  %10s  %9s  %13s  %10s  %15s  %9s  %9s  %-" + familyWidth + "s  %6s  %s%n";
        BaselineInfo info = profile.baselineInfo();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Indicators Validator matrix: %s (%s), catalog %s%n", profile.dyad(), profile.label(), catalog.origin()));
        out.append("Expected events per quarter relative to the baseline under each scenario.\n\n");
        out.append(String.format(Locale.ROOT, rowFormat, "indicator", "STATUS_QUO", "WEAKENING", "STRENGTHENING",
                "baseline/q", "90% interval", "D@base", "D@1", "family", "events", "flag"));
        out.append("-".repeat(idWidth + 2 + 10 + 2 + 9 + 2 + 13 + 2 + 10 + 2 + 15 + 2 + 9 + 2 + 9 + 2 + familyWidth + 2 + 6
                + 2 + 14))
                .append('\n');
        int nonDiagnostic = 0;
        int weak = 0;
        for (Indicator i : catalog.indicators()) {
            IndicatorDiagnosticity d = IndicatorDiagnosticity.of(i, profile.baseline(i.id()));
            String flag = profile.isSignature(i) ? "signature" : d.nonDiagnostic() ? "NON-DIAGNOSTIC" : d.weak() ? "weak" : "";
            RatePosterior posterior = RatePosterior.of(catalog, profile, i.id());
            String interval = posterior == null ? "judged" : low(posterior.quantile(0.05)) + "-" + fmt(posterior.quantile(0.95));
            nonDiagnostic += d.nonDiagnostic() ? 1 : 0;
            weak += d.weak() ? 1 : 0;
            out.append(String.format(Locale.ROOT, rowFormat, i.id(),
                    fmt(i.relativeRate(Scenario.STATUS_QUO)), fmt(i.relativeRate(Scenario.WEAKENING)),
                    fmt(i.relativeRate(Scenario.STRENGTHENING)), fmt(d.baseline()), interval, fmt(d.atBaseline()),
                    fmt(d.atOneEvent()),
                    i.family(), info.basis() == BaselineInfo.Basis.RECORD ? String.valueOf(info.counts().get(i.id())) : "-",
                    flag).stripTrailing()
                    + "\n");
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%d indicators, %d non-diagnostic, %d weak.%n", catalog.indicators().size(), nonDiagnostic, weak));
        out.append(String.format(Locale.ROOT, "Priors: STATUS_QUO %.2f, WEAKENING %.2f, STRENGTHENING %.2f%n",
                profile.priors().get(Scenario.STATUS_QUO), profile.priors().get(Scenario.WEAKENING), profile.priors().get(Scenario.STRENGTHENING)));
        out.append(baseline(catalog, info));
        out.append("90% interval: 5th-95th percentile of the rate's posterior (window: Gamma(events + 1/2, quarters);"
                + " judgement: worth a 24-quarter window); judged: a signature's status-quo rate, taken as stated.\n");
        out.append("signature: one confirmed event raises a signature alert (counted in the false-alarm budget).\n");
        out.append("D@base: largest |log-likelihood ratio| between two scenarios when the count equals the baseline expectation.\n");
        out.append("D@1: the same when exactly one event is seen. NON-DIAGNOSTIC: the same rate under every scenario.\n");
        out.append("events: confirmed events of the reference window that count for the indicator (- for judgement).\n");
        out.append(String.format(Locale.ROOT, "weak: both below %.1f nats.%n", IndicatorDiagnosticity.WEAK_BELOW));
        return out.toString();
    }

    /** Where the baselines come from: the window, events counted, the rate rule and the dispersion per family. */
    static String baseline(Catalog catalog, BaselineInfo info) {
        StringBuilder out = new StringBuilder();
        if (info.basis() == BaselineInfo.Basis.JUDGEMENT) {
            out.append("Baselines: analyst judgement (no reference record); counts treated as Poisson.\n");
            return out.toString();
        }
        out.append(String.format(Locale.ROOT, "Baselines: derived from %s over %s..%s (%d quarters): %d confirmed events"
                        + " counted, %d unconfirmed left out (confirmed share %.2f); rate = (events + %.1f) / %d.%n",
                info.source(), info.from(), info.to(), info.quarters(), info.eventsCounted(), info.eventsUnconfirmed(),
                info.confirmedShare(), BaselineDerivation.PSEUDO_COUNT, info.quarters()));
        out.append(String.format(Locale.ROOT, "Dispersion (negative-binomial size k per family, method of moments over"
                + " the window, bounded to [%.1f, %.0f]):", BaselineDerivation.MIN_SIZE, BaselineDerivation.MAX_SIZE));
        catalog.families().keySet().forEach(f -> out.append(String.format(Locale.ROOT, " %s %.2f", f, info.dispersion(f))));
        out.append('\n');
        return out.toString();
    }

    /** The stored calibration of a dyad: its thresholds and the false-alarm probabilities in the calibration runs. */
    public static String calibration(Catalog catalog, CusumThresholds t) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Calibration of %s: at most %.0f%% chance of any alert (signature alerts"
                        + " included) in %d status-quo quarters; in %d held-out simulated histories at these thresholds:"
                        + " %.2f%% at the stored baselines, %.2f%% with true rates drawn from the baselines' posterior"
                        + " (signature alerts %.2f%%).%n", t.dyad(), 100 * t.budgetProbability(), t.budgetPeriods(),
                t.calibrationRuns(), 100 * t.falseAlarmProbability(), 100 * t.falseAlarmProbabilityPosterior(),
                100 * t.signatureProbability()));
        out.append(String.format(Locale.ROOT, "  %-36s  %9s  %13s%n", "CUSUM", "WEAKENING", "STRENGTHENING"));
        out.append(String.format(Locale.ROOT, "  %-36s  %9.2f  %13.2f%n", "whole scenario",
                t.threshold(Scenario.WEAKENING), t.threshold(Scenario.STRENGTHENING)));
        for (String f : catalog.families().keySet()) {
            out.append(String.format(Locale.ROOT, "  %-36s  %9s  %13s%n", "family " + f,
                    familyThreshold(t, f, Scenario.WEAKENING), familyThreshold(t, f, Scenario.STRENGTHENING)));
        }
        out.append(String.format(Locale.ROOT, "  %-36s  %9s  %13s%n", "out of scenario", "FALL", "RISE"));
        for (String f : catalog.families().keySet()) {
            out.append(String.format(Locale.ROOT, "  %-36s  %9s  %13s%n", "generic " + f,
                    genericThreshold(t, f, GenericMove.FALL), genericThreshold(t, f, GenericMove.RISE)));
        }
        out.append(String.format(Locale.ROOT, "  %-36s  %9s  %13s%n", "probability level",
                level(t.probabilityLevel(Scenario.WEAKENING)), level(t.probabilityLevel(Scenario.STRENGTHENING))));
        out.append("  (-: not monitored; the drift check below says why)\n");
        return out.toString();
    }

    /** How the budget is split between the classes of statistics (the watch officer's choice, docs/model.md section 8). */
    public static String shares() {
        return ScenarioModel.budgetShares() + "\n";
    }

    /** Each candidate statistic's status-quo drift and the chance a rate error turns it upward. */
    public static String drifts(List<StatisticDrift> drifts) {
        StringBuilder out = new StringBuilder("Drift under the status quo (nats a quarter at the stored baselines) and"
                + " P(upward): the chance that true rates drawn from the baselines' posterior make it drift upward:\n");
        for (StatisticDrift d : drifts) {
            out.append(String.format(Locale.ROOT, "  %-44s  %+8.4f  %6.3f  %s%n", d.statistic(), d.drift(),
                    d.upwardProbability(), d.monitored() ? "monitored" : "dropped"));
        }
        return out.toString();
    }

    private static String familyThreshold(CusumThresholds t, String f, Scenario s) {
        return t.monitorsFamily(f, s) ? String.format(Locale.ROOT, "%.2f", t.familyThreshold(f, s)) : "-";
    }

    private static String genericThreshold(CusumThresholds t, String f, GenericMove move) {
        return t.monitorsGeneric(f, move) ? String.format(Locale.ROOT, "%.2f", t.genericThreshold(f, move)) : "-";
    }

    private static String level(double level) {
        return level >= 1 ? "-" : String.format(Locale.ROOT, "%.5f", level);
    }

    /** The text of {@code catalog calibrate}: a dyad's operating characteristic. */
    public static String operatingCharacteristic(Catalog catalog, OperatingCharacteristic oc) {
        StringBuilder out = new StringBuilder(calibration(catalog, oc.thresholds()));
        out.append(String.format(Locale.ROOT, "False alarms on %d fresh status-quo histories of %d quarters (after as many"
                        + " of warm-up): any %.1f%% at the stored baselines (whole-scenario %.1f%%, family %.1f%%,"
                        + " out-of-scenario %.1f%%, probability level %.1f%%, signature %.1f%%), %.1f%% with true rates"
                        + " drawn from the posterior; budget %.0f%% (Monte Carlo standard error about %.1f points).%n",
                oc.falseAlarmRuns(), oc.thresholds().budgetPeriods(), 100 * oc.falseAlarmProbability(),
                100 * oc.falseAlarmWhole(), 100 * oc.falseAlarmFamily(), 100 * oc.falseAlarmGeneric(),
                100 * oc.falseAlarmProbabilityLevel(), 100 * oc.falseAlarmSignature(), 100 * oc.falseAlarmPosterior(),
                100 * oc.thresholds().budgetProbability(),
                100 * Math.sqrt(oc.thresholds().budgetProbability() * (1 - oc.thresholds().budgetProbability())
                        / oc.falseAlarmRuns())));
        out.append("Detection delay in quarters after the change (zero start; first alert toward the scenario, for an"
                + " out-of-scenario shift any alert):\n");
        out.append(String.format(Locale.ROOT, "  %-38s  %7s  %7s  %7s  %7s  %7s  %7s  %6s  %6s%n", "shift", "median",
                "p90", "whole", "own", "oracle", "o.p90", "o.h", "ratio"));
        for (OperatingCharacteristic.Delay d : oc.delays()) {
            out.append(String.format(Locale.ROOT, "  %-38s  %7s  %7s  %7s  %7s  %7s  %7s  %6.2f  %6s%n", d.shift().label(),
                    quarters(d.median()), quarters(d.p90()), quarters(d.wholeMedian()), quarters(d.familyMedian()),
                    quarters(d.oracleMedian()), quarters(d.oracleP90()), d.oracleThreshold(), ratio(d.ratioToOracle())));
        }
        out.append(String.format(Locale.ROOT, "whole: the whole-scenario CUSUM alone; own: the moving family's own"
                + " statistic alone (its scenario CUSUM, for an out-of-scenario shift its generic one); oracle: the CUSUM"
                + " of the simulator's true likelihood (true rates of every kind), holding the whole budget alone at the stored"
                + " baselines (o.h: its threshold); ratio:"
                + " median / oracle median (target <= 1.25); > %d: not detected within %d quarters.%n",
                OperatingCharacteristic.MAX_QUARTERS, OperatingCharacteristic.MAX_QUARTERS));
        return out.toString();
    }

    private static String quarters(double q) {
        if (Double.isNaN(q)) {
            return "-";
        }
        return Double.isInfinite(q) ? ">" + OperatingCharacteristic.MAX_QUARTERS : String.format(Locale.ROOT, "%.1f", q);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "-" : String.format(Locale.ROOT, "%.2f", r);
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

    /** A small rate with one significant digit kept (0.0001, not 0.000). */
    private static String low(double value) {
        return value > 0 && value < 0.0005 ? String.format(Locale.ROOT, "%.5f", value) : fmt(value);
    }

    private static String fmt(double value) {
        if (value > 0 && value < 0.0005) {
            return String.format(Locale.ROOT, "%.1e", value);
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 0.995 ? "%.2f" : "%.3f", value);
    }
}
