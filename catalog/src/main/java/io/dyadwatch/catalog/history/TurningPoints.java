package io.dyadwatch.catalog.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dyadwatch.catalog.baseline.RecordResource;
import io.dyadwatch.catalog.model.Quarter;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The turning points of the dyads with a bundled record ({@code data/history/turning-points.yml}, on the class path as
 * {@value #RESOURCE}): per dyad, its dated turning points, or none with the sentence saying why.
 *
 * @param dyads every listed dyad's turning points, in file order (an empty list for "none")
 * @param none  for a dyad without turning points, why the sources support none
 */
public record TurningPoints(Map<String, List<TurningPoint>> dyads, Map<String, String> none) {

    /** The class-path resource. */
    public static final String RESOURCE = "history/turning-points.yml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> DYAD_KEYS = Set.of("turningPoints", "none");
    private static final Set<String> POINT_KEYS = Set.of("scenario", "began", "sources", "why");

    public TurningPoints {
        Map<String, List<TurningPoint>> copy = new LinkedHashMap<>();
        dyads.forEach((d, points) -> copy.put(d, List.copyOf(points)));
        dyads = Collections.unmodifiableMap(copy);
        none = Map.copyOf(none);
    }

    /** The turning points of a dyad; empty when it has none or is not listed. */
    public List<TurningPoint> of(String dyad) {
        return dyads.getOrDefault(dyad, List.of());
    }

    /** True when the file lists the dyad (with turning points or with none). */
    public boolean lists(String dyad) {
        return dyads.containsKey(dyad);
    }

    /** The bundled file. */
    public static TurningPoints loadDefault() {
        return parse(RecordResource.text(RESOURCE), RESOURCE);
    }

    /**
     * Reads the YAML text.
     *
     * @throws IllegalArgumentException naming the place and what is wrong: unknown keys, a bad scenario or quarter, a
     *                                  dyad with neither turning points nor a reason for none
     */
    public static TurningPoints parse(String text, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.path("dyads").isObject() || root.size() != 1) {
            throw new IllegalArgumentException(origin + ": expected one key, 'dyads', a mapping from dyad to its turning points");
        }
        Map<String, List<TurningPoint>> dyads = new LinkedHashMap<>();
        Map<String, String> none = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.get("dyads").properties()) {
            String dyad = Dyad.parse(entry.getKey()).key();
            String where = origin + ": dyads." + dyad;
            JsonNode node = entry.getValue();
            checkKeys(node, DYAD_KEYS, where);
            if (!node.path("turningPoints").isArray()) {
                throw new IllegalArgumentException(where + ".turningPoints: expected a list (empty for none)");
            }
            List<TurningPoint> points = new ArrayList<>();
            int n = 0;
            for (JsonNode point : node.get("turningPoints")) {
                points.add(point(dyad, point, where + ".turningPoints[" + n++ + "]"));
            }
            if (points.isEmpty() == node.path("none").asText("").isBlank()) {
                throw new IllegalArgumentException(where + ": give turning points, or an empty list and a 'none:' sentence"
                        + " saying why the sources support none (not both, not neither)");
            }
            if (points.isEmpty()) {
                none.put(dyad, node.get("none").asText().strip());
            }
            dyads.put(dyad, points);
        }
        return new TurningPoints(dyads, none);
    }

    /**
     * Fails when two turning points of one dyad toward one scenario lie {@code gap} quarters apart or less, so that
     * one alert can never score for both.
     */
    public TurningPoints requireApart(int gap) {
        dyads.forEach((dyad, points) -> {
            for (int i = 0; i < points.size(); i++) {
                for (int j = i + 1; j < points.size(); j++) {
                    TurningPoint a = points.get(i);
                    TurningPoint b = points.get(j);
                    if (a.scenario() == b.scenario() && Math.abs(quartersBetween(a.began(), b.began())) <= gap) {
                        throw new IllegalArgumentException(dyad + ": turning points toward " + a.scenario() + " in "
                                + a.began() + " and " + b.began() + " lie within " + gap
                                + " quarters of each other; one alert could score for both");
                    }
                }
            }
        });
        return this;
    }

    /** Quarters from {@code from} to {@code to}: positive when {@code to} is later. */
    public static int quartersBetween(Quarter from, Quarter to) {
        return (to.year() - from.year()) * 4 + to.quarter() - from.quarter();
    }

    private static TurningPoint point(String dyad, JsonNode node, String where) {
        checkKeys(node, POINT_KEYS, where);
        Scenario scenario;
        try {
            scenario = Scenario.valueOf(node.path("scenario").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".scenario: '" + node.path("scenario").asText()
                    + "' is not WEAKENING or STRENGTHENING", e);
        }
        Quarter began;
        try {
            began = Quarter.parse(node.path("began").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".began: '" + node.path("began").asText()
                    + "' is not a quarter like 2023-Q3", e);
        }
        List<String> sources = new ArrayList<>();
        node.path("sources").forEach(s -> sources.add(s.asText()));
        try {
            return new TurningPoint(dyad, scenario, began, sources, node.path("why").asText("").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping with keys " + allowed);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown key '" + name + "' (allowed: " + allowed + ")");
            }
        }
    }
}
