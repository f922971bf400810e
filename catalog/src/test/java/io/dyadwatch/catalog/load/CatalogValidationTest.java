package io.dyadwatch.catalog.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.CatalogException;
import io.dyadwatch.catalog.CatalogProblem;
import io.dyadwatch.catalog.CatalogValidation;
import io.dyadwatch.catalog.TestCatalogs;
import io.dyadwatch.model.event.Dyad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogValidationTest {

    /** The 1-based line of the first occurrence of {@code text}, found independently of the code under test. */
    private static int lineOf(String yaml, String text) {
        int at = yaml.indexOf(text);
        assertThat(at).as("fixture contains '%s'", text).isNotNegative();
        return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String replace(String yaml, String from, String to) {
        assertThat(yaml).contains(from);
        return yaml.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    private static CatalogProblem only(List<CatalogProblem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void shouldAcceptTheSmallCatalog() {
        assertThat(CatalogValidation.validate(TestCatalogs.small())).isEmpty();
    }

    @Test
    void shouldReportAnUnknownScenarioWithItsLine() {
        String yaml = replace(TestCatalogs.small(), "WEAKENING: 4.0", "WEAKER: 4.0");
        List<CatalogProblem> problems = CatalogValidation.validate(yaml);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(lineOf(yaml, "WEAKER: 4.0"));
            assertThat(p.field()).isEqualTo("indicators[distancing].rates.WEAKER");
            assertThat(p.message()).contains("unknown scenario 'WEAKER'").contains("STATUS_QUO, WEAKENING, STRENGTHENING");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("missing rate for scenario WEAKENING"));
    }

    @Test
    void shouldReportAnIndicatorWithoutCitation() {
        String yaml = replace(TestCatalogs.small(), "    citation: {seed: s.txt, quote: q}\n    match: {types: [PUBLIC_STATEMENT]", "    match: {types: [PUBLIC_STATEMENT]");
        CatalogProblem p = only(CatalogValidation.validate(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "  - id: distancing") );
        assertThat(p.field()).isEqualTo("indicators[distancing]");
        assertThat(p.message()).isEqualTo("missing required key 'citation'");
    }

    @Test
    void shouldReportARateThatIsNotPositive() {
        String yaml = replace(TestCatalogs.small(), "WEAKENING: 0.2", "WEAKENING: -0.2");
        CatalogProblem p = only(CatalogValidation.validate(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "WEAKENING: -0.2"));
        assertThat(p.field()).isEqualTo("indicators[patrol].rates.WEAKENING");
        assertThat(p.message()).contains("must be > 0, got -0.2").contains("allowed: a finite number > 0");
    }

    @Test
    void shouldReportAZeroRate() {
        String yaml = replace(TestCatalogs.small(), "STRENGTHENING: 0.5}", "STRENGTHENING: 0}");
        CatalogProblem p = only(CatalogValidation.validate(yaml));
        assertThat(p.field()).isEqualTo("indicators[distancing].rates.STRENGTHENING");
        assertThat(p.line()).isEqualTo(lineOf(yaml, "STRENGTHENING: 0}"));
    }

    @Test
    void shouldReportAnUnknownEventType() {
        String yaml = replace(TestCatalogs.small(), "types: [COMBINED_PATROL]", "types: [COMBINED_PATROLS]");
        List<CatalogProblem> problems = CatalogValidation.validate(yaml);
        CatalogProblem p = problems.get(0);
        assertThat(p.line()).isEqualTo(lineOf(yaml, "COMBINED_PATROLS"));
        assertThat(p.field()).isEqualTo("indicators[patrol].match.types");
        assertThat(p.message()).contains("unknown event type 'COMBINED_PATROLS'").contains("allowed: ARMS_TRANSFER,");
    }

    @Test
    void shouldReportAnUnknownAttributeOperator() {
        String yaml = replace(TestCatalogs.small(), "all: [stance = distancing]", "all: [stance ~ distancing]");
        CatalogProblem p = only(CatalogValidation.validate(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "stance ~ distancing"));
        assertThat(p.field()).isEqualTo("indicators[distancing].match.all[0]");
        assertThat(p.message()).contains("unknown operator '~'").contains("allowed: =, !=, in, notIn, contains, nonEmpty, absent, >=, >, <=, <");
    }

    @Test
    void shouldReportPriorsThatDoNotSumToOne() {
        String yaml = replace(TestCatalogs.small(), "STRENGTHENING: 0.2}", "STRENGTHENING: 0.3}");
        CatalogProblem p = only(CatalogValidation.validate(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "priors:"));
        assertThat(p.field()).isEqualTo("dyads.CHN-RUS.priors");
        assertThat(p.message()).contains("priors sum to 1.1").contains("must sum to 1");
    }

    @Test
    void shouldReportUnknownKeysWithWhatIsAllowed() {
        String yaml = replace(TestCatalogs.small(), "    description: combined patrol\n", "    description: combined patrol\n    weight: 3\n");
        CatalogProblem p = only(CatalogValidation.validate(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "weight: 3"));
        assertThat(p.field()).isEqualTo("indicators[patrol].weight");
        assertThat(p.message()).isEqualTo("unknown key 'weight'; allowed: id, family, description, citation, match, rates, rationale, example, signature");
    }

    @Test
    void shouldReportEveryProblemInFileOrder() {
        String yaml = replace(replace(TestCatalogs.small(), "version: 1", "version: 2"), "baseline: {patrol: 0.5, distancing: 0.1}",
                "baseline: {patrol: 0.5, distancing: 0.1, convoys: 1}");
        List<CatalogProblem> problems = CatalogValidation.validate(yaml);
        assertThat(problems).extracting(CatalogProblem::line)
                .containsExactly(lineOf(yaml, "version: 2"), lineOf(yaml, "convoys: 1"));
        assertThat(problems.get(0).message()).contains("unsupported catalog version '2'; allowed: 1");
        assertThat(problems.get(1).message()).contains("unknown indicator 'convoys'");
    }

    @Test
    void shouldReportADuplicateKey() {
        String yaml = replace(TestCatalogs.small(), "    description: combined patrol\n", "    description: combined patrol\n    description: again\n");
        CatalogProblem p = only(CatalogValidation.validate(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "description: again"));
        assertThat(p.message()).contains("duplicate key 'description'");
    }

    @Test
    void shouldReportAMissingBaselineAndAnExampleTheMatcherRejects() {
        String yaml = replace(replace(TestCatalogs.small(), "baseline: {patrol: 0.5, distancing: 0.1}", "baseline: {patrol: 0.5}"),
                "attributes: {stance: distancing}", "attributes: {stance: support}");
        List<CatalogProblem> problems = CatalogValidation.validate(yaml);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("indicators[distancing].example");
            assertThat(p.message()).contains("does not match");
        });
        assertThat(problems).extracting(CatalogProblem::line)
                .containsExactly(lineOf(yaml, "example: {type: PUBLIC_STATEMENT"), lineOf(yaml, "baseline: {patrol: 0.5}"));
        String noBaseline = replace(TestCatalogs.small(), "baseline: {patrol: 0.5, distancing: 0.1}", "baseline: {patrol: 0.5}");
        CatalogProblem p = only(CatalogValidation.validate(noBaseline));
        assertThat(p.field()).isEqualTo("dyads.CHN-RUS.baseline");
        assertThat(p.message()).contains("no baseline for indicators [distancing]");
    }

    @Test
    void shouldReportBrokenYamlWithItsLine() {
        String yaml = replace(TestCatalogs.small(), "dyads:\n", "dyads:\n  - [unclosed\n");
        List<CatalogProblem> problems = CatalogValidation.validate(yaml);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).startsWith("not valid YAML");
        assertThat(problems.get(0).line()).isGreaterThanOrEqualTo(lineOf(yaml, "[unclosed"));
    }

    @Test
    void shouldRefuseToLoadAnInvalidFileListingEveryProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, replace(replace(TestCatalogs.small(), "WEAKENING: 0.2", "WEAKENING: 0"), "version: 1", "version: one"));
        assertThatThrownBy(() -> Catalog.load(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("2 problems")
                .satisfies(e -> assertThat(((CatalogException) e).problems()).hasSize(2));
        assertThat(CatalogValidation.validate(file)).hasSize(2);
    }

    @Test
    void shouldReportAnUnreadableFileAsOneProblem(@TempDir Path dir) {
        List<CatalogProblem> problems = CatalogValidation.validate(dir.resolve("missing.yml"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.line()).isZero());
    }

    @Test
    void shouldReportANonCanonicalDyadKeyAndTwoDefaults() {
        String yaml = TestCatalogs.small().replace("  CHN-RUS:\n", "  RUS-CHN:\n")
                + "  IRN-RUS:\n    default: true\n    priors: {STATUS_QUO: 0.6, WEAKENING: 0.2, STRENGTHENING: 0.2}\n    baseline: {patrol: 0.5, distancing: 0.1}\n";
        List<CatalogProblem> problems = CatalogValidation.validate(yaml);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(lineOf(yaml, "RUS-CHN:"));
            assertThat(p.message()).contains("sorted and joined by '-': CHN-RUS");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("only one dyad may be the default"));
    }

    @Test
    void shouldReportAnIndicatorInAnUnknownFamily() {
        String yaml = replace(TestCatalogs.small(), "    family: patrols\n", "    family: convoys\n");
        CatalogProblem p = only(CatalogValidation.validate(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "family: convoys"));
        assertThat(p.field()).isEqualTo("indicators[patrol].family");
        assertThat(p.message()).isEqualTo("unknown family 'convoys'; allowed: patrols, distancing");
    }

    @Test
    void shouldReportAReferenceRecordThatIsNotOnTheClassPath() {
        String yaml = replace(TestCatalogs.small(), "    baseline: {patrol: 0.5, distancing: 0.1}\n",
                "    reference: {record: history/none.jsonl, from: 2016-Q1, to: 2021-Q4}\n");
        CatalogProblem p = only(CatalogValidation.validate(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "reference:"));
        assertThat(p.field()).isEqualTo("dyads.CHN-RUS.reference.record");
        assertThat(p.message()).contains("no resource 'history/none.jsonl' on the class path");
    }

    @Test
    void shouldReportAWindowThatEndsBeforeItStartsOrIsNoQuarter() {
        String yaml = replace(TestCatalogs.small(), "    baseline: {patrol: 0.5, distancing: 0.1}\n",
                "    reference: {record: history/russia-china-2012-2025.jsonl, from: 2016-Q1, to: 2015-Q4}\n");
        assertThat(only(CatalogValidation.validate(yaml)).message()).contains("ends (2015-Q4) before it starts (2016-Q1)");
        String notAQuarter = yaml.replace("to: 2015-Q4", "to: 2021-13");
        CatalogProblem p = only(CatalogValidation.validate(notAQuarter));
        assertThat(p.field()).isEqualTo("dyads.CHN-RUS.reference.to");
        assertThat(p.message()).isEqualTo("invalid quarter '2021-13'; allowed: a quarter like 2016-Q1");
    }

    @Test
    void shouldRefuseBothAReferenceWindowAndAnalystBaselines() {
        String yaml = replace(TestCatalogs.small(), "    baseline: {patrol: 0.5, distancing: 0.1}\n",
                "    baseline: {patrol: 0.5, distancing: 0.1}\n    reference: {record: history/russia-china-2012-2025.jsonl, from: 2016-Q1, to: 2021-Q4}\n");
        CatalogProblem p = only(CatalogValidation.validate(yaml));
        assertThat(p.field()).isEqualTo("dyads.CHN-RUS.reference");
        assertThat(p.message()).contains("not both");
    }

    @Test
    void shouldDeriveTheBaselinesOfASmallCatalogFromAReferenceWindow() {
        String yaml = replace(TestCatalogs.small(), "    baseline: {patrol: 0.5, distancing: 0.1}\n",
                "    reference: {record: history/russia-china-2012-2025.jsonl, from: 2016-Q1, to: 2021-Q4}\n");
        Catalog catalog = Catalog.parse(yaml, "small with a record");
        var info = catalog.dyad(Dyad.parse("CHN-RUS")).baselineInfo();
        // every confirmed COMBINED_PATROL of the window counts for 'patrol'
        assertThat(catalog.dyad(Dyad.parse("CHN-RUS")).baseline("patrol"))
                .isEqualTo((info.counts().get("patrol") + 0.5) / 24);
        assertThat(info.counts().get("patrol")).isPositive();
    }

    @Test
    void shouldReportAFalseAlarmBudgetThatIsNoProbability() {
        String yaml = replace(TestCatalogs.small(), "falseAlarmBudget: {probability: 0.05, periods: 80}",
                "falseAlarmBudget: {probability: 1.5, periods: 80}");
        CatalogProblem p = only(CatalogValidation.validate(yaml));
        assertThat(p.field()).isEqualTo("cusum.falseAlarmBudget.probability");
        assertThat(p.message()).contains("strictly between 0 and 1");
    }

    @Test
    void shouldDeriveBaselinesFromARecordFileOfOnesOwn(@TempDir Path dir) throws Exception {
        Path record = dir.resolve("mine.jsonl");
        Files.writeString(record, """
                {"id":"a","type":"COMBINED_PATROL","actors":["CHN","RUS"],"occurredAt":"2020-02-01","source":{"name":"Kyodo","reliability":"B","credibility":2},"attributes":{"domains":["air"]}}
                {"id":"b","type":"COMBINED_PATROL","actors":["CHN","RUS"],"occurredAt":"2020-05-01","source":{"name":"Kyodo","reliability":"C","credibility":3},"attributes":{"domains":["air"]}}
                """);
        String yaml = replace(TestCatalogs.small(), "    baseline: {patrol: 0.5, distancing: 0.1}\n",
                "    reference: {record: \"file:" + record + "\", from: 2020-Q1, to: 2021-Q4}\n");
        var info = Catalog.parse(yaml, "own record").dyad(Dyad.parse("CHN-RUS")).baselineInfo();
        assertThat(info.counts().get("patrol")).isEqualTo(1);
        assertThat(info.eventsUnconfirmed()).isEqualTo(1);
        assertThat(info.rates().get("patrol")).isEqualTo(1.5 / 8);
        assertThat(info.rates().get("distancing")).isEqualTo(0.5 / 8);
    }
}
