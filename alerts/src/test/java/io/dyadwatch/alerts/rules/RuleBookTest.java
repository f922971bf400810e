package io.dyadwatch.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule file is read as written or refused with file and line: nothing in it is silently dropped. */
class RuleBookTest {

    private static final Catalog CATALOG = Catalog.loadDefault();

    @TempDir
    Path dir;

    @Test
    void shouldRefuseAKeyGivenTwiceInOneRuleWithFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("rules.yml"), """
                version: 1
                rules:
                  - id: level
                    kind: probability
                    description: d
                    citation: {seed: s, quote: q}
                    scenarios: [STRENGTHENING]
                    severity: {STRENGTHENING: warning}
                    level: 0.7
                    resolveBelow: 0.5
                    level: 0.9
                """);

        assertThatThrownBy(() -> RuleBook.load(file, CATALOG)).isInstanceOf(RuleException.class)
                .hasMessageStartingWith(file + ":11: duplicate key 'level'");
    }

    @Test
    void shouldLoadTheBundledRules() {
        assertThat(RuleBook.loadDefault(CATALOG).rules()).extracting(AlertRule::id)
                .containsExactly("scenario-shift", "family-shift", "no-scenario-fits", "signature-event");
    }
}
