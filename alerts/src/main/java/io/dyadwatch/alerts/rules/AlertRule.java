package io.dyadwatch.alerts.rules;

import io.dyadwatch.model.alert.Severity;
import io.dyadwatch.model.assessment.Citation;
import io.dyadwatch.model.assessment.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One alert rule from the rules file. Each rule evaluates an assessment into conditions, one per subject it
 * watches (a scenario, an indicator); the lifecycle turns conditions into firing and resolved alerts.
 */
public sealed interface AlertRule {

    /** The rule's id: the alert's {@code rule} and Alertmanager's {@code alertname}. */
    String id();

    /** What it means, for the alert's description. */
    String description();

    /** The seed passage that makes it worth a watch officer's time. */
    Citation citation();

    /** Severity per scenario. */
    Map<Scenario, Severity> severity();

    /**
     * The change statistic toward a scenario crossed its threshold; resolves below {@code resolveBelow} x threshold.
     */
    record ChangeStatistic(String id, String description, Citation citation, List<Scenario> scenarios,
            Map<Scenario, Severity> severity, double resolveBelow) implements AlertRule {

        public ChangeStatistic {
            Objects.requireNonNull(id, "id");
            scenarios = List.copyOf(scenarios);
            severity = Map.copyOf(severity);
            requireShareOfThreshold(resolveBelow);
        }
    }

    /**
     * The change statistic of one activity family (exercises, patrols...) toward a scenario crossed that family's
     * threshold: a partial shift, the family moving while the rest stays put; one alert per family and scenario,
     * resolving below {@code resolveBelow} x threshold.
     */
    record FamilyShift(String id, String description, Citation citation, List<Scenario> scenarios,
            Map<Scenario, Severity> severity, double resolveBelow) implements AlertRule {

        public FamilyShift {
            Objects.requireNonNull(id, "id");
            scenarios = List.copyOf(scenarios);
            severity = Map.copyOf(severity);
            requireShareOfThreshold(resolveBelow);
        }
    }

    /**
     * The status quo no longer holds in one activity family, in a way no scenario describes: the family's
     * out-of-scenario statistic (a generic rise or fall of the whole family against the status quo alone) crossed its
     * threshold while neither whole-scenario statistic crossed its own; one alert per family and direction, its
     * scenario STATUS_QUO (the hypothesis rejected), resolving below {@code resolveBelow} x threshold.
     */
    record NoScenarioFits(String id, String description, Citation citation, Map<Scenario, Severity> severity,
            double resolveBelow) implements AlertRule {

        public NoScenarioFits {
            Objects.requireNonNull(id, "id");
            severity = Map.copyOf(severity);
            if (!severity.containsKey(Scenario.STATUS_QUO)) {
                throw new IllegalArgumentException("rule " + id + ": severity must name STATUS_QUO, the scenario rejected");
            }
            requireShareOfThreshold(resolveBelow);
        }
    }

    /**
     * A scenario's probability (current period or trailing horizon) reached a level, held for {@code forDuration};
     * resolves below {@code resolveBelow}.
     */
    record ProbabilityLevel(String id, String description, Citation citation, List<Scenario> scenarios,
            Map<Scenario, Severity> severity, boolean trailing, double level, double resolveBelow,
            Duration forDuration) implements AlertRule {

        public ProbabilityLevel {
            Objects.requireNonNull(id, "id");
            scenarios = List.copyOf(scenarios);
            severity = Map.copyOf(severity);
            if (!(level > 0 && level <= 1) || !(resolveBelow > 0 && resolveBelow <= level)) {
                throw new IllegalArgumentException("need 0 < resolveBelow <= level <= 1, got level " + level
                        + " and resolveBelow " + resolveBelow);
            }
            Objects.requireNonNull(forDuration, "forDuration");
        }
    }

    /**
     * A single confirmed event counting for one of the indicators fires at once; resolves once the dyad's
     * current period has moved {@code resolveAfterPeriods} past the event's.
     */
    record Signature(String id, String description, Citation citation, Scenario scenario, Set<String> indicators,
            int maxCredibility, int orCorroboration, int resolveAfterPeriods, Map<Scenario, Severity> severity)
            implements AlertRule {

        public Signature {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(scenario, "scenario");
            indicators = Set.copyOf(indicators);
            severity = Map.copyOf(severity);
            if (maxCredibility < 1 || maxCredibility > 6 || orCorroboration < 1 || resolveAfterPeriods < 0) {
                throw new IllegalArgumentException("maxCredibility 1-6, orCorroboration >= 1, resolveAfterPeriods >= 0");
            }
        }
    }

    /** An indicator's weighted value in the current period reached {@code atLeast}. */
    record IndicatorThreshold(String id, String description, Citation citation, String indicator, double atLeast,
            Scenario scenario, Map<Scenario, Severity> severity) implements AlertRule {

        public IndicatorThreshold {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(indicator, "indicator");
            severity = Map.copyOf(severity);
            if (!(atLeast > 0)) {
                throw new IllegalArgumentException("atLeast must be > 0, got " + atLeast);
            }
        }
    }

    /** A resolve-below factor: a share of the threshold, in (0, 1]. */
    private static void requireShareOfThreshold(double resolveBelow) {
        if (!(resolveBelow > 0 && resolveBelow <= 1)) {
            throw new IllegalArgumentException("resolveBelow must be in (0, 1], got " + resolveBelow);
        }
    }
}
