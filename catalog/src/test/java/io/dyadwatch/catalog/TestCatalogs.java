package io.dyadwatch.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Shared fixtures: the shipped catalog's text, and a small catalog whose numbers are easy to check by hand. */
public final class TestCatalogs {

    private TestCatalogs() {
    }

    /** The text of the shipped catalog. */
    public static String defaultText() {
        return resource(Catalog.DEFAULT_RESOURCE);
    }

    /** A seed text copied into test resources. */
    public static String seed(String name) {
        return resource("/seeds/" + name);
    }

    /**
     * Two indicators, one dyad: patrol (baseline 0.5, rates SQ 1, W 0.2, S 2) and distancing
     * (baseline 0.1, rates SQ 1, W 4, S 0.5); priors 0.6 / 0.2 / 0.2.
     */
    public static String small() {
        return """
                version: 1
                scenarios:
                  STATUS_QUO: {title: sq, description: as before, citations: [{seed: s.txt, quote: q}]}
                  WEAKENING: {title: w, description: less, citations: [{seed: s.txt, quote: q}]}
                  STRENGTHENING: {title: s, description: more, citations: [{seed: s.txt, quote: q}]}
                families: {patrols: Patrols, distancing: Distancing}
                indicators:
                  - id: patrol
                    family: patrols
                    description: combined patrol
                    citation: {seed: s.txt, quote: q}
                    match: {types: [COMBINED_PATROL]}
                    rates: {STATUS_QUO: 1.0, WEAKENING: 0.2, STRENGTHENING: 2.0}
                    example: {type: COMBINED_PATROL, attributes: {domains: [air]}}
                  - id: distancing
                    family: distancing
                    description: distancing statement
                    citation: {seed: s.txt, quote: q}
                    match: {types: [PUBLIC_STATEMENT], all: [stance = distancing]}
                    rates: {STATUS_QUO: 1.0, WEAKENING: 4.0, STRENGTHENING: 0.5}
                    example: {type: PUBLIC_STATEMENT, attributes: {stance: distancing}}
                sourceGrades:
                  reliability: {A: 1.0, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5}
                  credibility: {1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5}
                cusum:
                  falseAlarmBudget: {probability: 0.05, periods: 80}
                  calibrationRuns: 2000
                  seed: 7
                dyads:
                  CHN-RUS:
                    default: true
                    priors: {STATUS_QUO: 0.6, WEAKENING: 0.2, STRENGTHENING: 0.2}
                    baseline: {patrol: 0.5, distancing: 0.1}
                """;
    }

    private static String resource(String path) {
        try (InputStream in = TestCatalogs.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
