package io.dyadwatch.catalog.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import io.dyadwatch.model.event.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributePredicateTest {

    private static Event exercise(Map<String, Object> attributes) {
        return new Event("e", EventType.JOINT_EXERCISE, List.of("CHN", "RUS", "IRN"), Instant.EPOCH, null,
                new Source("test", null, null), attributes, "");
    }

    private static boolean test(String predicate, Map<String, Object> attributes) {
        return AttributePredicate.parse(predicate).test(exercise(attributes));
    }

    @Test
    void shouldCompareTextIgnoringCaseSpacesAndUnderscores() {
        assertThat(test("themes contains anti-submarine", Map.of("themes", List.of("Anti Submarine", "air")))).isTrue();
        assertThat(test("themes contains anti-submarine", Map.of("themes", List.of("anti_submarine")))).isTrue();
        assertThat(test("themes contains anti-submarine", Map.of("themes", List.of("anti-surface")))).isFalse();
        assertThat(test("framework = SCO", Map.of("framework", "sco"))).isTrue();
        assertThat(test("framework = SCO", Map.of("framework", List.of("SCO")))).isFalse();
        assertThat(test("framework != SCO", Map.of())).isTrue();
        assertThat(test("level = head-of-state", Map.of("level", "Head of State"))).isTrue();
    }

    @Test
    void shouldTestMembershipOfValuesAndListElements() {
        assertThat(test("near in [JPN, USA]", Map.of("near", "usa"))).isTrue();
        assertThat(test("near in [JPN, USA]", Map.of("near", List.of("KOR", "JPN")))).isTrue();
        assertThat(test("near in [JPN, USA]", Map.of("near", List.of("KOR")))).isFalse();
        assertThat(test("near notIn [JPN, USA]", Map.of())).isTrue();
        assertThat(test("near notIn [JPN, USA]", Map.of("near", List.of("KOR", "USA")))).isFalse();
        assertThat(test("actors in [IRN]", Map.of())).isTrue();
        assertThat(test("systems contains S-400", Map.of("systems", List.of("S-400", "Su-35")))).isTrue();
    }

    @Test
    void shouldTestPresence() {
        assertThat(test("participants nonEmpty", Map.of("participants", List.of("IRN")))).isTrue();
        assertThat(test("participants nonEmpty", Map.of("participants", List.of()))).isFalse();
        assertThat(test("participants nonEmpty", Map.of("participants", " "))).isFalse();
        assertThat(test("participants absent", Map.of())).isTrue();
    }

    @Test
    void shouldCompareNumbersNestedValuesAndListSizes() {
        assertThat(test("scale.ships >= 10", Map.of("scale", Map.of("ships", 10)))).isTrue();
        assertThat(test("scale.ships >= 10", Map.of("scale", Map.of("ships", 9.5)))).isFalse();
        assertThat(test("scale.ships > 9", Map.of("scale", Map.of("ships", "10")))).isTrue();
        assertThat(test("scale.ships < 10", Map.of())).isFalse();
        assertThat(test("scale.ships <= 10", Map.of("scale", "large"))).isFalse();
        assertThat(test("domains >= 3", Map.of("domains", List.of("air", "naval", "ground")))).isTrue();
        assertThat(test("domains >= 3", Map.of("domains", List.of("air", "naval")))).isFalse();
    }

    @Test
    void shouldCompareBooleansAsText() {
        assertThat(test("announced = false", Map.of("announced", false))).isTrue();
        assertThat(test("announced != false", Map.of("announced", true))).isTrue();
        assertThat(test("announced != false", Map.of())).isTrue();
    }

    @Test
    void shouldRefuseMalformedPredicatesSayingWhatIsAllowed() {
        assertThatThrownBy(() -> AttributePredicate.parse("themes has anti-submarine"))
                .hasMessageContaining("unknown operator 'has'").hasMessageContaining("allowed: =, !=, in");
        assertThatThrownBy(() -> AttributePredicate.parse("near in JPN")).hasMessageContaining("takes a list");
        assertThatThrownBy(() -> AttributePredicate.parse("scale.ships >= many")).hasMessageContaining("takes a number");
        assertThatThrownBy(() -> AttributePredicate.parse("participants nonEmpty IRN")).hasMessageContaining("takes no operand");
        assertThatThrownBy(() -> AttributePredicate.parse("themes")).hasMessageContaining("not a predicate");
        assertThatThrownBy(() -> AttributePredicate.parse("9lives = x")).hasMessageContaining("not an attribute path");
    }

    @Test
    void shouldCombineAllAnyAndNoneInAMatcher() {
        EventMatcher matcher = new EventMatcher(Set.of(EventType.JOINT_EXERCISE),
                List.of(AttributePredicate.parse("domains nonEmpty")),
                List.of(AttributePredicate.parse("scale.ships >= 10"), AttributePredicate.parse("scale.troops >= 5000")),
                List.of(AttributePredicate.parse("framework = SCO")));
        assertThat(matcher.matches(exercise(Map.of("domains", List.of("ground"), "scale", Map.of("troops", 6000))))).isTrue();
        assertThat(matcher.matches(exercise(Map.of("domains", List.of("ground"), "scale", Map.of("troops", 600))))).isFalse();
        assertThat(matcher.matches(exercise(Map.of("domains", List.of("ground"), "scale", Map.of("ships", 12), "framework", "SCO")))).isFalse();
        assertThat(matcher.matches(exercise(Map.of("scale", Map.of("ships", 12))))).isFalse();
    }
}
