package io.dyadwatch.alerts;

import io.dyadwatch.alerts.rules.AlertRule;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.Driver;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Grade;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Turns an assessment into conditions, rule by rule. Pure: the lifecycle decides what to publish. */
final class RuleEvaluator {

    private RuleEvaluator() {
    }

    /**
     * The conditions of one rule for one assessment.
     *
     * @param states the current state of each subject's alert, or null when none
     */
    static List<Condition> evaluate(AlertRule rule, Assessment a, Function<String, AlertState> states) {
        return evaluate(rule, a, states, family -> List.of());
    }

    /**
     * The conditions of one rule for one assessment.
     *
     * @param states           the current state of each subject's alert, or null when none
     * @param familyIndicators the catalog indicators of an activity family
     */
    static List<Condition> evaluate(AlertRule rule, Assessment a, Function<String, AlertState> states,
            Function<String, List<String>> familyIndicators) {
        List<Condition> conditions = new ArrayList<>();
        if (rule instanceof AlertRule.ChangeStatistic r) {
            for (Scenario s : r.scenarios()) {
                Double stat = a.changeStatistics().get(s);
                Double threshold = a.thresholds().get(s);
                if (stat == null || threshold == null) {
                    continue;
                }
                boolean firing = isFiring(states.apply(s.name()));
                boolean holds = firing ? stat >= r.resolveBelow() * threshold : stat >= threshold;
                conditions.add(new Condition(s.name(), s, holds, () -> String.format(Locale.ROOT,
                        "%s moving toward %s: change statistic %.2f, threshold %.2f; P(%s) now %.2f, over %d periods %.2f",
                        a.dyad(), s, stat, threshold, s, a.probabilities().getOrDefault(s, 0.0), a.horizonPeriods(),
                        a.trailingProbabilities().getOrDefault(s, 0.0)), stat, a.evidence(), drivers(a, s),
                        a.period()));
            }
        } else if (rule instanceof AlertRule.FamilyShift r) {
            for (Map.Entry<String, Map<Scenario, Double>> family : a.familyThresholds().entrySet()) {
                for (Scenario s : r.scenarios()) {
                    Double threshold = family.getValue().get(s);
                    if (threshold == null) {
                        continue;
                    }
                    double stat = a.familyChangeStatistics().getOrDefault(family.getKey(), Map.of()).getOrDefault(s, 0.0);
                    String subject = family.getKey() + ":" + s.name();
                    boolean firing = isFiring(states.apply(subject));
                    if (!firing && stat < threshold) {
                        continue; // the common case: no condition, nothing to say
                    }
                    boolean holds = firing ? stat >= r.resolveBelow() * threshold : stat >= threshold;
                    List<String> members = familyIndicators.apply(family.getKey());
                    conditions.add(new Condition(subject, s, holds, () -> String.format(Locale.ROOT,
                            "%s: %s moving toward %s on their own: family change statistic %.2f, threshold %.2f (%s)",
                            a.dyad(), family.getKey(), s, stat, threshold, String.join(", ", members)), stat,
                            a.evidence().stream().filter(e -> e.indicators().stream().anyMatch(members::contains))
                                    .toList(), members, a.period()));
                }
            }
        } else if (rule instanceof AlertRule.NoScenarioFits r) {
            conditions.addAll(noScenarioFits(r, a, states, familyIndicators));
        } else if (rule instanceof AlertRule.ProbabilityLevel r) {
            for (Scenario s : r.scenarios()) {
                double p = (r.trailing() ? a.trailingProbabilities() : a.probabilities()).getOrDefault(s, 0.0);
                boolean firing = isFiring(states.apply(s.name()));
                // the calibrated level holds the false-alarm budget; the rule's own level is a floor
                double level = Math.max(r.level(), a.probabilityLevels().getOrDefault(s, 0.0));
                boolean holds = firing ? p >= Math.min(r.resolveBelow(), level) : p >= level;
                conditions.add(new Condition(s.name(), s, holds, () -> String.format(Locale.ROOT,
                        "%s: %s is the most credible reading, P=%.2f %s (level %.2f)", a.dyad(), s, p,
                        r.trailing() ? "over " + a.horizonPeriods() + " periods" : "this period", level),
                        a.changeStatistics().get(s), a.evidence(), drivers(a, s), a.period()));
            }
        } else if (rule instanceof AlertRule.Signature r) {
            for (String indicator : r.indicators()) {
                AlertState state = states.apply(indicator);
                List<EvidenceItem> matching = a.triggers().stream()
                        .filter(t -> t.indicators().contains(indicator) && confirmed(r, t)).toList();
                boolean fresh = !matching.isEmpty();
                if (isFiring(state) && fresh && periodsBetween(state.period(),
                        periodOf(a, matching.get(0).occurredAt())) > r.resolveAfterPeriods()) {
                    // a new signature event well after the one still firing: that alert resolves and a new one
                    // fires (when events arrive together, as after an outage, one assessment can carry both the
                    // periods that would have resolved it and the new event)
                    conditions.add(new Condition(indicator, r.scenario(), false,
                            () -> "a new " + indicator + " event came more than " + r.resolveAfterPeriods()
                                    + " period(s) later", a.changeStatistics().get(r.scenario()),
                            state.alert().evidence(), List.of(indicator), state.period()));
                }
                if (isFiring(state) && !fresh) {
                    boolean over = periodsBetween(state.period(), a.period()) > r.resolveAfterPeriods();
                    conditions.add(new Condition(indicator, r.scenario(), !over, state.alert()::summary,
                            a.changeStatistics().get(r.scenario()), state.alert().evidence(), List.of(indicator),
                            state.period()));
                } else if (fresh) {
                    EvidenceItem trigger = matching.get(0);
                    List<EvidenceItem> evidence = new ArrayList<>(matching);
                    a.evidence().stream().filter(e -> matching.stream().noneMatch(m -> m.id().equals(e.id())))
                            .forEach(evidence::add);
                    conditions.add(new Condition(indicator, r.scenario(), true, () -> String.format(Locale.ROOT,
                            "%s signature event (%s): %s (%s, %s, %d source%s)", a.dyad(), indicator,
                            abbreviate(trigger.summary(), 120), trigger.sourceName(), trigger.grade(),
                            trigger.corroboration(), trigger.corroboration() == 1 ? "" : "s"),
                            a.changeStatistics().get(r.scenario()), evidence, List.of(indicator),
                            periodOf(a, trigger.occurredAt())));
                }
            }
        } else if (rule instanceof AlertRule.IndicatorThreshold r) {
            double value = a.indicators().getOrDefault(r.indicator(), 0.0);
            boolean holds = value >= r.atLeast();
            conditions.add(new Condition(r.indicator(), r.scenario(), holds, () -> String.format(Locale.ROOT,
                    "%s: %s at %.2f in %s (threshold %.2f)", a.dyad(), r.indicator(), value, a.period(), r.atLeast()),
                    r.scenario() == null ? null : a.changeStatistics().get(r.scenario()),
                    a.evidence().stream().filter(e -> e.indicators().contains(r.indicator())).toList(),
                    List.of(r.indicator()), a.period()));
        }
        return conditions;
    }

    /**
     * One condition per family and generic move over its threshold (or firing): it holds while the move's statistic
     * stays over its threshold and, when it starts, only if neither whole-scenario statistic is over its own: a move a
     * scenario explains is that scenario's alert, not this one.
     */
    private static List<Condition> noScenarioFits(AlertRule.NoScenarioFits r, Assessment a,
            Function<String, AlertState> states, Function<String, List<String>> familyIndicators) {
        List<Condition> conditions = new ArrayList<>();
        boolean explained = a.changeStatistics().entrySet().stream().anyMatch(e -> {
            Double threshold = a.thresholds().get(e.getKey());
            return threshold != null && e.getValue() >= threshold;
        });
        for (Map.Entry<String, Map<String, Double>> family : a.outOfScenarioThresholds().entrySet()) {
            for (Map.Entry<String, Double> move : family.getValue().entrySet()) {
                double threshold = move.getValue();
                double stat = a.outOfScenarioStatistics().getOrDefault(family.getKey(), Map.of())
                        .getOrDefault(move.getKey(), 0.0);
                String subject = family.getKey() + ":" + move.getKey();
                boolean firing = isFiring(states.apply(subject));
                if (!firing && (stat < threshold || explained)) {
                    continue;
                }
                boolean holds = firing ? stat >= r.resolveBelow() * threshold : stat >= threshold;
                List<String> members = familyIndicators.apply(family.getKey());
                String direction = "RISE".equals(move.getKey()) ? "more" : "less";
                conditions.add(new Condition(subject, Scenario.STATUS_QUO, holds, () -> String.format(Locale.ROOT,
                        "%s: the status quo no longer holds in %s (%s of it than the status quo expects: statistic "
                                + "%.2f, threshold %.2f) and no scenario explains it (WEAKENING %.2f of %.2f, "
                                + "STRENGTHENING %.2f of %.2f)", a.dyad(), family.getKey(), direction, stat, threshold,
                        a.changeStatistics().getOrDefault(Scenario.WEAKENING, 0.0),
                        a.thresholds().getOrDefault(Scenario.WEAKENING, 0.0),
                        a.changeStatistics().getOrDefault(Scenario.STRENGTHENING, 0.0),
                        a.thresholds().getOrDefault(Scenario.STRENGTHENING, 0.0)), stat,
                        a.evidence().stream().filter(e -> e.indicators().stream().anyMatch(members::contains)).toList(),
                        members, a.period()));
            }
        }
        return conditions;
    }

    private static boolean isFiring(AlertState state) {
        return state != null && state.firing();
    }

    /**
     * A signature event must be confirmed: a report graded A or B with credibility up to the rule's
     * {@code maxCredibility} (2: {@link Confirmation}), or {@code orCorroboration} independent sources. An F2 report
     * alone raises nothing.
     */
    private static boolean confirmed(AlertRule.Signature rule, EvidenceItem item) {
        Grade grade = Grade.parse(item.grade());
        boolean reliable = grade.reliability() == 'A' || grade.reliability() == 'B';
        return (reliable && grade.credibility() <= rule.maxCredibility()) || item.corroboration() >= rule.orCorroboration();
    }

    private static List<String> drivers(Assessment a, Scenario s) {
        return a.drivers().stream().filter(d -> d.scenario() == s && d.llr() > 0).map(Driver::indicator).toList();
    }

    /** The label of the period, of the assessment's unit, that an instant falls in. */
    private static String periodOf(Assessment a, java.time.Instant instant) {
        return Period.of(Period.parse(a.period()).unit(), instant).toString();
    }

    /** Periods from one label to a later one (0 when {@code to} is not later). */
    static int periodsBetween(String from, String to) {
        return Math.max(0, Period.parse(from).until(Period.parse(to)));
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
