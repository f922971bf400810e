package io.dyadwatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import io.dyadwatch.model.event.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultCatalogTest {

    private static final Catalog CATALOG = Catalog.loadDefault();

    @Test
    void shouldLoadTheShippedCatalogWithoutProblems() {
        assertThat(CatalogValidation.validate(TestCatalogs.defaultText())).isEmpty();
        assertThat(CATALOG.scenarios()).containsOnlyKeys(Scenario.values());
        assertThat(CATALOG.defaultDyad()).isEqualTo(Dyad.parse("CHN-RUS"));
        assertThat(CATALOG.dyads().keySet()).extracting(Dyad::key)
                .containsExactly("CHN-RUS", "IRN-RUS", "CHN-IRN", "PRK-RUS", "CHN-IRN-RUS");
        assertThat(CATALOG.indicators()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void shouldQuoteEverySeedVerbatim() {
        List<Citation> citations = new ArrayList<>();
        CATALOG.scenarios().values().forEach(s -> citations.addAll(s.citations()));
        CATALOG.indicators().forEach(i -> citations.add(i.citation()));
        assertThat(citations).hasSizeGreaterThan(CATALOG.indicators().size());
        for (Citation c : citations) {
            assertThat(TestCatalogs.seed(c.seed()))
                    .as("quote '%s' in seed %s", c.quote(), c.seed())
                    .contains(c.quote());
        }
    }

    @Test
    void shouldReachEveryEventTypeTheSeedsNeed() {
        Set<EventType> reachable = EnumSet.noneOf(EventType.class);
        CATALOG.indicators().forEach(i -> reachable.addAll(i.matcher().types()));
        assertThat(reachable).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void shouldMatchEachExampleToItsOwnIndicatorOnly() {
        for (Indicator i : CATALOG.indicators()) {
            Event example = new Event("x", i.example().type(), List.of("RUS", "CHN"), Instant.EPOCH, null,
                    new Source("test", null, null), i.example().attributes(), "");
            assertThat(CATALOG.indicatorsFor(example)).as(i.id()).containsExactly(i.id());
        }
    }

    @Test
    void shouldCountOneRichEventForSeveralIndicators() {
        Event vostok = new Event("v", EventType.JOINT_EXERCISE, List.of("RUS", "CHN"), Instant.EPOCH, null,
                new Source("test", null, null),
                Map.of("themes", List.of("Anti Submarine"), "domains", List.of("air", "naval", "ground"), "scale", Map.of("troops", 300000)),
                "");
        assertThat(CATALOG.indicatorsFor(vostok))
                .containsExactly("exercise-high-end", "exercise-multi-service", "exercise-large-scale");
    }

    @Test
    void shouldNotMatchEventsOutsideEveryIndicator() {
        Event tigers = new Event("t", EventType.PUBLIC_STATEMENT, List.of("RUS", "CHN"), Instant.EPOCH, null,
                new Source("test", null, null), Map.of("topic", "tigers"), "An appeal about tigers");
        assertThat(CATALOG.indicatorsFor(tigers)).isEmpty();
    }

    @Test
    void shouldHaveNoNonDiagnosticIndicator() {
        for (Indicator i : CATALOG.indicators()) {
            double min = Math.min(i.relativeRate(Scenario.STATUS_QUO), Math.min(i.relativeRate(Scenario.WEAKENING), i.relativeRate(Scenario.STRENGTHENING)));
            double max = Math.max(i.relativeRate(Scenario.STATUS_QUO), Math.max(i.relativeRate(Scenario.WEAKENING), i.relativeRate(Scenario.STRENGTHENING)));
            assertThat(max - min).as(i.id()).isGreaterThan(0.2);
        }
    }

    @Test
    void shouldGiveEveryIndicatorAFamilyAndASentenceOfReasoning() {
        Catalog catalog = Catalog.loadDefault();
        assertThat(catalog.families()).containsOnlyKeys("exercises", "patrols", "leader-exchanges", "technical-cooperation",
                "war-support", "distancing");
        assertThat(catalog.indicators()).hasSize(36).allSatisfy(i -> {
            assertThat(i.rationale()).as(i.id()).isNotBlank();
            assertThat(catalog.indicatorsOf(i.family())).contains(i.id());
        });
    }

    @Test
    void shouldReadSanctionsOnSuppliersAsEvidenceThatTheSupplyGoesOn() {
        Indicator sanctions = Catalog.loadDefault().indicator("sanctions-on-suppliers");
        assertThat(sanctions.relativeRate(Scenario.STRENGTHENING)).isGreaterThan(1);
        assertThat(sanctions.relativeRate(Scenario.WEAKENING)).isLessThan(1);
        assertThat(sanctions.family()).isEqualTo("war-support");
    }
}
