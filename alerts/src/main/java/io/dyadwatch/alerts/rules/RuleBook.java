package io.dyadwatch.alerts.rules;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.alert.Severity;
import io.dyadwatch.model.assessment.Citation;
import io.dyadwatch.model.assessment.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The alert rules, loaded from YAML (the bundled {@value #DEFAULT_RESOURCE} or a file) and checked against
 * the catalog: every scenario and indicator a rule names must exist, every key must be known.
 *
 * @param rules the rules, in file order
 */
public record RuleBook(List<AlertRule> rules) {

    /** The rules shipped in the jar. */
    public static final String DEFAULT_RESOURCE = "/rules/dyadwatch-rules.yml";

    private static final Set<String> COMMON = Set.of("id", "kind", "description", "citation", "severity");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "change-statistic", Set.of("scenarios", "resolveBelow"),
            "family-shift", Set.of("scenarios", "resolveBelow"),
            "no-scenario-fits", Set.of("resolveBelow"),
            "probability", Set.of("scenarios", "horizon", "level", "resolveBelow", "forDuration"),
            "signature", Set.of("scenario", "indicators", "confirmed", "resolveAfterPeriods"),
            "indicator", Set.of("indicator", "atLeast", "scenario"));

    public RuleBook {
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (AlertRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new RuleException("two rules have the id '" + rule.id() + "'");
            }
        }
    }

    /** The bundled rules, checked against the catalog. */
    public static RuleBook loadDefault(Catalog catalog) {
        try (InputStream in = RuleBook.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new RuleException("the bundled rules " + DEFAULT_RESOURCE + " are missing from the jar");
            }
            return parse(read(in, "classpath:" + DEFAULT_RESOURCE), "classpath:" + DEFAULT_RESOURCE, catalog);
        } catch (IOException e) {
            throw new RuleException("cannot read the bundled rules: " + e.getMessage());
        }
    }

    /** Rules from a file, checked against the catalog. */
    public static RuleBook load(Path file, Catalog catalog) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(read(in, file.toString()), file.toString(), catalog);
        } catch (IOException e) {
            throw new RuleException("cannot read rules " + file + ": " + e.getMessage());
        }
    }

    /** YAML that refuses a key given twice in one mapping (a second 'level:' would silently win otherwise). */
    private static final YAMLMapper STRICT_YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static JsonNode read(InputStream in, String origin) throws IOException {
        try {
            return STRICT_YAML.readTree(in);
        } catch (StreamReadException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RuleException(origin + ":" + line + ": " + e.getOriginalMessage()
                    .replace("Duplicate field", "duplicate key") + "; each key may appear once");
        }
    }

    static RuleBook parse(JsonNode root, String origin, Catalog catalog) {
        if (root == null || !root.isObject() || root.path("version").asInt(0) != 1) {
            throw new RuleException(origin + ": expected a mapping with 'version: 1' and 'rules'");
        }
        JsonNode list = root.get("rules");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new RuleException(origin + ": 'rules' must be a non-empty list");
        }
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = origin + ": rules[" + i + "]";
            try {
                rules.add(rule(list.get(i), catalog));
            } catch (RuleException | IllegalArgumentException | NullPointerException e) {
                throw new RuleException(where + ": " + e.getMessage());
            }
        }
        return new RuleBook(rules);
    }

    private static AlertRule rule(JsonNode node, Catalog catalog) {
        String kind = text(node, "kind");
        Set<String> allowed = KEYS.get(kind);
        if (allowed == null) {
            throw new RuleException("unknown kind '" + kind + "'; allowed: " + KEYS.keySet());
        }
        node.properties().forEach(entry -> {
            String key = entry.getKey();
            if (!COMMON.contains(key) && !allowed.contains(key)) {
                throw new RuleException("unknown key '" + key + "' for kind " + kind + "; allowed: "
                        + new LinkedHashSet<>(COMMON) + " " + allowed);
            }
        });
        String id = text(node, "id");
        String description = text(node, "description");
        Citation citation = new Citation(text(node.path("citation"), "seed"), text(node.path("citation"), "quote"));
        Map<Scenario, Severity> severity = severity(node.get("severity"));
        return switch (kind) {
            case "change-statistic" -> new AlertRule.ChangeStatistic(id, description, citation,
                    scenarios(node.get("scenarios")), severity, number(node, "resolveBelow"));
            case "family-shift" -> new AlertRule.FamilyShift(id, description, citation,
                    scenarios(node.get("scenarios")), severity, number(node, "resolveBelow"));
            case "no-scenario-fits" -> new AlertRule.NoScenarioFits(id, description, citation, severity,
                    number(node, "resolveBelow"));
            case "probability" -> new AlertRule.ProbabilityLevel(id, description, citation,
                    scenarios(node.get("scenarios")), severity,
                    !"current".equals(node.path("horizon").asText("trailing")), number(node, "level"),
                    number(node, "resolveBelow"), duration(node.path("forDuration").asText("PT0S")));
            case "signature" -> new AlertRule.Signature(id, description, citation,
                    scenario(text(node, "scenario")), indicators(node.get("indicators"), catalog),
                    node.path("confirmed").path("maxCredibility").asInt(2),
                    node.path("confirmed").path("orCorroboration").asInt(2),
                    node.path("resolveAfterPeriods").asInt(1), severity);
            default -> {
                String indicator = text(node, "indicator");
                indicators(new YAMLMapper().createArrayNode().add(indicator), catalog);
                yield new AlertRule.IndicatorThreshold(id, description, citation, indicator, number(node, "atLeast"),
                        node.has("scenario") ? scenario(text(node, "scenario")) : null, severity);
            }
        };
    }

    private static Set<String> indicators(JsonNode node, Catalog catalog) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new RuleException("'indicators' must be a non-empty list of catalog indicator ids");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode id : node) {
            if (catalog.indicators().stream().noneMatch(i -> i.id().equals(id.asText()))) {
                throw new RuleException("indicator '" + id.asText() + "' is not in the catalog "
                        + catalog.origin());
            }
            ids.add(id.asText());
        }
        return ids;
    }

    private static List<Scenario> scenarios(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new RuleException("'scenarios' must be a non-empty list of " + List.of(Scenario.values()));
        }
        List<Scenario> list = new ArrayList<>();
        node.forEach(s -> list.add(scenario(s.asText())));
        return list;
    }

    private static Scenario scenario(String name) {
        try {
            return Scenario.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new RuleException("unknown scenario '" + name + "'; allowed: " + List.of(Scenario.values()));
        }
    }

    private static Map<Scenario, Severity> severity(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new RuleException("'severity' must map scenarios to info, warning or critical");
        }
        Map<Scenario, Severity> map = new EnumMap<>(Scenario.class);
        node.properties().forEach(e -> {
            try {
                map.put(scenario(e.getKey()), Severity.valueOf(e.getValue().asText().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ex) {
                throw new RuleException("severity '" + e.getValue().asText() + "' of " + e.getKey()
                        + " is not one of info, warning, critical");
            }
        });
        return map;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new RuleException("'" + key + "' is required");
        }
        return value.asText().trim();
    }

    private static double number(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isNumber()) {
            throw new RuleException("'" + key + "' must be a number");
        }
        return value.asDouble();
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new RuleException("'forDuration' must be an ISO-8601 duration like PT10M, got '" + text + "'");
        }
    }
}
