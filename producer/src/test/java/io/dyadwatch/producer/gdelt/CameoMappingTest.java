package io.dyadwatch.producer.gdelt;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.model.event.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CameoMappingTest {

    private static final CameoMapping MAPPING = CameoMapping.standard();

    private static GdeltActor actor(String code, String country, String type) {
        return GdeltActor.of(code, code, country, type, "", "");
    }

    private static CameoMapping.Decision classify(String code, GdeltActor a1, GdeltActor a2) {
        return MAPPING.classify(new GdeltRow(GdeltFormat.V2, "1", LocalDate.of(2020, 1, 1),
                Instant.parse("2020-01-01T00:00:00Z"), a1, a2, code, null, 1, 1, 1, "", "", null));
    }

    private static Optional<EventType> typeOf(String code, GdeltActor a1, GdeltActor a2) {
        return classify(code, a1, a2) instanceof CameoMapping.Decision.Mapped m
                ? Optional.of(m.rule().type()) : Optional.empty();
    }

    @ParameterizedTest(name = "CAMEO {0} between RUSMIL and CHNMIL -> {1}")
    @CsvSource({
        "0312, PUBLIC_STATEMENT", "0332, PUBLIC_STATEMENT",
        "042, LEADER_EXCHANGE", "043, LEADER_EXCHANGE", "044, LEADER_EXCHANGE", "046, LEADER_EXCHANGE",
        "057, DEFENSE_AGREEMENT", "062, JOINT_EXERCISE", "064, ISR_SPACE_COOPERATION", "072, LETHAL_AID",
        "150, JOINT_EXERCISE", "151, JOINT_EXERCISE", "152, JOINT_EXERCISE", "153, JOINT_EXERCISE",
        "154, JOINT_EXERCISE", "155, JOINT_EXERCISE",
        "1212, COOPERATION_SUSPENDED", "1622, COOPERATION_SUSPENDED", "163, COOPERATION_SUSPENDED"})
    void shouldMapEveryTableCodeBetweenMilitaries(String code, EventType type) {
        assertThat(typeOf(code, actor("RUSMIL", "RUS", "MIL"), actor("CHNMIL", "CHN", "MIL"))).contains(type);
    }

    @ParameterizedTest(name = "CAMEO {0} has no military meaning")
    @CsvSource({"010", "020", "030", "031", "0311", "036", "040", "051", "061", "112", "173", "190"})
    void shouldSkipCodesWithoutMilitaryMeaning(String code) {
        assertThat(classify(code, actor("RUSMIL", "RUS", "MIL"), actor("CHNMIL", "CHN", "MIL")))
                .isEqualTo(new CameoMapping.Decision.Skipped("CAMEO " + code + ": no military meaning"));
    }

    @Test
    void shouldRequireOfficialsOnBothSidesForVisitsAndMeetings() {
        GdeltActor government = actor("CHNGOV", "CHN", "GOV");
        GdeltActor spies = actor("RUSSPY", "RUS", "");
        GdeltActor business = actor("RUSBUS", "RUS", "BUS");
        GdeltActor bareCountry = actor("RUS", "RUS", "");

        assertThat(typeOf("042", government, spies)).contains(EventType.LEADER_EXCHANGE);
        assertThat(typeOf("043", business, government)).isEmpty();
        assertThat(classify("044", government, bareCountry)).isEqualTo(new CameoMapping.Decision.Skipped(
                "CAMEO 044 (meet at a third location): not government or military actors on both sides"));
    }

    @Test
    void shouldRequireMilitaryOrIntelligenceActorForAgreementsAndSharing() {
        GdeltActor government = actor("CHNGOV", "CHN", "GOV");

        assertThat(typeOf("057", government, actor("RUSGOV", "RUS", "GOV"))).isEmpty();
        assertThat(typeOf("057", government, actor("RUSMIL", "RUS", ""))).contains(EventType.DEFENSE_AGREEMENT);
        assertThat(classify("064", government, actor("RUS", "RUS", ""))).isEqualTo(new CameoMapping.Decision.Skipped(
                "CAMEO 064 (share intelligence or information): no military or intelligence actor"));
        assertThat(typeOf("064", actor("RUSSPY", "RUS", ""), government)).contains(EventType.ISR_SPACE_COOPERATION);
    }

    @Test
    void shouldTreatPostureBetweenWatchedStatesAsJointExerciseWhateverTheActors() {
        assertThat(typeOf("154", actor("CHN", "CHN", ""), actor("RUS", "RUS", ""))).contains(EventType.JOINT_EXERCISE);
    }

    @Test
    void shouldTakeEmbargoAsSuspensionOnlyWhenTheStateImposesIt() {
        assertThat(typeOf("163", actor("RUS", "RUS", ""), actor("PRKBUS", "PRK", "BUS")))
                .contains(EventType.COOPERATION_SUSPENDED);
        assertThat(typeOf("163", actor("RUSBUS", "RUS", "BUS"), actor("PRK", "PRK", ""))).isEmpty();
    }

    @Test
    void shouldBeDocumentedRowForRowInImportersDoc() throws IOException {
        Path doc = Path.of("..", "docs", "importers.md");
        Map<String, String> documented = new TreeMap<>();
        for (String line : Files.readAllLines(doc)) {
            String[] cells = line.split("\\|");
            if (cells.length > 4 && cells[1].strip().matches("\\d{3,4}")) {
                documented.put(cells[1].strip(), cells[4].strip());
            }
        }
        Map<String, String> coded = new TreeMap<>();
        MAPPING.rules().forEach(rule -> coded.put(rule.code(), rule.type().name()));

        assertThat(documented).isEqualTo(coded);
    }
}
