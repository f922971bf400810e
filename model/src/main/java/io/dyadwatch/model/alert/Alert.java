package io.dyadwatch.model.alert;

import io.dyadwatch.model.assessment.Citation;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An alert in the alert contract, version 1 ({@code schema/alert-v1.schema.json}), published on
 * {@code dyadwatch.alerts} keyed by fingerprint.
 *
 * @param version             contract version, 1
 * @param fingerprint         stable identity of (rule, dyad, scenario)
 * @param status              firing or resolved
 * @param rule                the rule's id
 * @param dyad                dyad key
 * @param scenario            the scenario moved toward, or null for rules about no scenario
 * @param severity            info, warning, critical
 * @param startsAt            when it began firing
 * @param endsAt              when it resolved, or null while firing
 * @param summary             one line a watch officer reads at a glance
 * @param description         what happened and why it matters
 * @param probabilitiesBefore scenario probabilities before the triggering update
 * @param probabilitiesAfter  scenario probabilities after it
 * @param changeStatistic     the change statistic toward the scenario, when the rule uses one
 * @param evidence            the events that contributed most
 * @param rationale           seed citations of the scenario, indicators and rule
 * @param subject             what the alert is about within its rule and dyad: the scenario (scenario rules) or the
 *                            indicator (signature and indicator rules); with rule and dyad it makes the fingerprint
 *                            and Alertmanager's identity labels. Null only in alerts written before it existed
 * @param period              the period (event time, like {@code 2024-Q3}) the alert is about: for scenario rules
 *                            the period of the assessment that raised it, for signature rules the period of the
 *                            signature event (one assessment can tally late events of earlier periods); null only
 *                            in alerts written before it existed
 * @param assessmentRevision  the revision of that assessment (see {@code dyadwatch.assessments}); null only in
 *                            alerts written before it existed
 */
public record Alert(int version, String fingerprint, AlertStatus status, String rule, String dyad, Scenario scenario,
        Severity severity, Instant startsAt, Instant endsAt, String summary, String description,
        Map<Scenario, Double> probabilitiesBefore, Map<Scenario, Double> probabilitiesAfter, Double changeStatistic,
        List<EvidenceItem> evidence, List<Citation> rationale, String subject, String period,
        Long assessmentRevision) {

    /** The contract version this record writes. */
    public static final int VERSION = 1;

    public Alert {
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported alert version " + version);
        }
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(summary, "summary");
        if (assessmentRevision != null && assessmentRevision < 0) {
            throw new IllegalArgumentException("assessmentRevision must be >= 0");
        }
        description = description == null ? "" : description;
        if (status == AlertStatus.RESOLVED && endsAt == null) {
            throw new IllegalArgumentException("a resolved alert needs endsAt");
        }
        probabilitiesBefore = Map.copyOf(probabilitiesBefore == null ? Map.of() : probabilitiesBefore);
        probabilitiesAfter = Map.copyOf(probabilitiesAfter == null ? Map.of() : probabilitiesAfter);
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        rationale = List.copyOf(rationale == null ? List.of() : rationale);
    }

    /** The same alert, resolved at the given time. */
    public Alert resolved(Instant at, String why) {
        return new Alert(version, fingerprint, AlertStatus.RESOLVED, rule, dyad, scenario, severity, startsAt, at,
                summary, why == null ? description : description + " Resolved: " + why, probabilitiesBefore,
                probabilitiesAfter, changeStatistic, evidence, rationale, subject, period, assessmentRevision);
    }

    /** The same alert, firing since the given time (a pending alert whose for-duration has passed). */
    public Alert firingSince(Instant at) {
        return new Alert(version, fingerprint, AlertStatus.FIRING, rule, dyad, scenario, severity, at, null, summary,
                description, probabilitiesBefore, probabilitiesAfter, changeStatistic, evidence, rationale, subject,
                period, assessmentRevision);
    }
}
