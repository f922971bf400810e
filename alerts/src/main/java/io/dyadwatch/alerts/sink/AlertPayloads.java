package io.dyadwatch.alerts.sink;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.assessment.EvidenceItem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns an {@link Alert} into the Alertmanager alert object shared by the API v2 ({@code POST /api/v2/alerts})
 * and the webhook payload.
 *
 * <ul>
 *   <li>labels (the alert's identity in Alertmanager, unique per alert): {@code alertname} = the rule, {@code dyad},
 *       {@code subject} (the scenario or indicator the alert is about: a rule fires once per dyad and subject, so
 *       two signature alerts of one dyad stay two alerts), {@code scenario} (the enum name; left out for rules
 *       about no scenario), {@code severity} in lower case;</li>
 *   <li>annotations: {@code summary}, {@code description}, {@code evidence} (one line per item:
 *       date type summary (source, grade) url), {@code period} (what the alert is about, by event time) and
 *       {@code assessment_revision} (of the assessment that raised it), {@code runbook_url} = runbook base URL +
 *       rule.</li>
 * </ul>
 */
public final class AlertPayloads {

    /** Alertmanager's zero time, its webhook's endsAt of a firing alert. */
    public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final int MAX_EVIDENCE = 5;
    private static final int MAX_EVIDENCE_SUMMARY = 120;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String runbookBaseUrl;
    private final String generatorUrl;

    /**
     * @param runbookBaseUrl prefix of runbook_url; the rule id is appended
     * @param generatorUrl   generatorURL, or empty to leave it out
     */
    public AlertPayloads(String runbookBaseUrl, String generatorUrl) {
        this.runbookBaseUrl = Objects.requireNonNull(runbookBaseUrl, "runbookBaseUrl");
        this.generatorUrl = Objects.requireNonNull(generatorUrl, "generatorUrl");
    }

    /** The identity labels, in a fixed order. */
    public Map<String, String> labels(Alert alert) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alert.rule());
        labels.put("dyad", alert.dyad());
        String subject = subject(alert);
        if (subject != null) {
            labels.put("subject", subject);
        }
        if (alert.scenario() != null) {
            labels.put("scenario", alert.scenario().name());
        }
        labels.put("severity", alert.severity().name().toLowerCase(Locale.ROOT));
        return labels;
    }

    public Map<String, String> annotations(Alert alert) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", alert.summary());
        annotations.put("description", alert.description());
        annotations.put("evidence", evidence(alert.evidence()));
        if (alert.period() != null) {
            annotations.put("period", alert.period());
        }
        if (alert.assessmentRevision() != null) {
            annotations.put("assessment_revision", Long.toString(alert.assessmentRevision()));
        }
        annotations.put("runbook_url", runbookBaseUrl + alert.rule());
        return annotations;
    }

    /**
     * The alert's subject; for an alert written before alerts carried one, its scenario (what the subject of a
     * scenario rule is), else null.
     */
    static String subject(Alert alert) {
        if (alert.subject() != null) {
            return alert.subject();
        }
        return alert.scenario() == null ? null : alert.scenario().name();
    }

    /** {@code {labels, annotations, startsAt, endsAt, generatorURL}} as Alertmanager's API v2 takes it. */
    public ObjectNode apiAlert(Alert alert, Instant endsAt) {
        ObjectNode node = NODES.objectNode();
        node.set("labels", strings(labels(alert)));
        node.set("annotations", strings(annotations(alert)));
        node.put("startsAt", time(alert.startsAt()));
        node.put("endsAt", time(endsAt));
        if (!generatorUrl.isEmpty()) {
            node.put("generatorURL", generatorUrl);
        }
        return node;
    }

    /** The evidence as readable lines: {@code date type summary (source, grade) url}. */
    public static String evidence(List<EvidenceItem> items) {
        return items.stream().limit(MAX_EVIDENCE).map(AlertPayloads::evidenceLine).collect(Collectors.joining("\n"));
    }

    /** RFC 3339 in UTC, as Alertmanager expects. */
    public static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    String generatorUrl() {
        return generatorUrl;
    }

    static ObjectNode strings(Map<String, String> map) {
        ObjectNode node = NODES.objectNode();
        map.forEach(node::put);
        return node;
    }

    private static String evidenceLine(EvidenceItem item) {
        String line = DAY.format(item.occurredAt()) + " " + item.type() + " "
                + abbreviate(singleLine(item.summary())) + " (" + singleLine(item.sourceName()) + ", " + item.grade() + ")";
        return item.url() == null || item.url().isBlank() ? line : line + " " + singleLine(item.url());
    }

    private static String singleLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_EVIDENCE_SUMMARY ? text : text.substring(0, MAX_EVIDENCE_SUMMARY - 3) + "...";
    }
}
