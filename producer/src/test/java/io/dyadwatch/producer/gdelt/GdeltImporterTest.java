package io.dyadwatch.producer.gdelt;

import static io.dyadwatch.producer.importing.Fixtures.DEFAULT_WATCHED;
import static io.dyadwatch.producer.importing.Fixtures.contractRejections;
import static io.dyadwatch.producer.importing.Fixtures.defaultWatchedAnd;
import static io.dyadwatch.producer.importing.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import io.dyadwatch.producer.importing.ImportReport;
import io.dyadwatch.producer.importing.MalformedRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GdeltImporterTest {

    private static final String GDELT1 = "gdelt/gdelt1_20160728_sample_excerpt.export.tsv";
    private static final String GDELT2_2015 = "gdelt/gdelt2_20151027220000_excerpt.export.CSV";
    private static final String GDELT2_2019 = "gdelt/gdelt2_20190121220000_excerpt.export.CSV";
    private static final Dyad IRN_RUS = Dyad.parse("IRN-RUS");

    @TempDir
    Path dir;

    private final List<Event> events = new ArrayList<>();

    private ImportReport importFixture(Set<Dyad> watched, String fixture) throws IOException {
        return new GdeltImporter(watched).importFile(path(fixture), events::add);
    }

    @Test
    void shouldSkipNonMilitaryAppealBetweenRussiaAndChina() throws IOException {
        // line 11: RUS -> CHN, CAMEO 020 (appeal), a WWF story about tiger farms
        ImportReport report = importFixture(DEFAULT_WATCHED, GDELT1);

        assertThat(events).isEmpty();
        assertThat(report.rowsKept()).isZero();
        assertThat(report.skippedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CAMEO 020: no military meaning", 1L,
                GdeltImporter.NOT_WATCHED, 25L));
    }

    @Test
    void shouldPutEveryImportedEventInTheGdeltChannel() throws IOException {
        importFixture(DEFAULT_WATCHED, GDELT2_2015);

        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.channel()).isEqualTo("gdelt"));
    }

    @Test
    void shouldReadDailyAndHistoricalGdelt1RowsMixedInOneFile() throws IOException {
        // 16 rows of 58 columns, then 10 of 57
        ImportReport report = importFixture(DEFAULT_WATCHED, GDELT1);

        assertThat(report.rowsRead()).isEqualTo(26);
        assertThat(report.malformedRows()).isZero();
    }

    @Test
    void shouldKeepRussiaIranForcePostureAsJointExercise() throws IOException {
        // lines 46 (IRN -> RUS) and 56 (RUS -> IRN): CAMEO 153, Stratfor on Syria, 1 source, 2 articles
        ImportReport report = importFixture(DEFAULT_WATCHED, GDELT2_2015);

        assertThat(report.rowsRead()).isEqualTo(92);
        assertThat(report.rowsKept()).isEqualTo(2);
        assertThat(report.events(IRN_RUS, EventType.JOINT_EXERCISE)).isEqualTo(2);
        assertThat(report.skippedByReason()).containsExactlyEntriesOf(Map.of(GdeltImporter.NOT_WATCHED, 90L));
        assertThat(events).extracting(Event::id).containsExactly("gdelt:479492373", "gdelt:479492819");
        Event first = events.get(0);
        assertThat(first.type()).isEqualTo(EventType.JOINT_EXERCISE);
        assertThat(first.actors()).containsExactly("IRN", "RUS");
        assertThat(events.get(1).actors()).containsExactly("RUS", "IRN");
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2015-10-27T00:00:00Z"));
        assertThat(first.reportedAt()).isEqualTo(Instant.parse("2015-10-27T22:00:00Z"));
        assertThat(first.source()).isEqualTo(new Source("stratfor.com",
                "https://www.stratfor.com/analysis/islamic-state-seizes-opportunity-syria", new Grade('F', 4)));
        assertThat(first.attributes()).containsEntry("cameoCode", "153")
                .containsEntry("goldstein", -7.2)
                .containsEntry("numSources", 1)
                .containsEntry("numArticles", 2)
                .containsEntry("actor1Name", "IRAN")
                .containsEntry("actor2Name", "RUSSIA")
                .containsEntry("actionLocation", "Iran")
                .containsEntry("actionCountryFips", "IR");
        assertThat(first.summary())
                .isEqualTo("GDELT: IRN -> RUS, CAMEO 153 (mobilize or increase police power) at Iran");
    }

    @Test
    void shouldKeepNothingFromJanuary2019ExportForDefaultDyads() throws IOException {
        ImportReport report = importFixture(DEFAULT_WATCHED, GDELT2_2019);

        assertThat(report.rowsRead()).isEqualTo(44);
        assertThat(report.rowsKept()).isZero();
        assertThat(report.skipped(GdeltImporter.NOT_WATCHED)).isEqualTo(44);
    }

    @Test
    void shouldMapTalksBetweenGovernmentsAsLeaderExchange() throws IOException {
        // lines 34, 35, 41, 42: CHNGOV and GBRGOV (David Cameron), CAMEO 046, steel talks
        ImportReport report = importFixture(defaultWatchedAnd("CHN-GBR"), GDELT2_2015);

        assertThat(report.events(Dyad.parse("CHN-GBR"), EventType.LEADER_EXCHANGE)).isEqualTo(4);
        assertThat(events).filteredOn(e -> e.type() == EventType.LEADER_EXCHANGE).extracting(Event::id)
                .containsExactly("gdelt:479491734", "gdelt:479491735", "gdelt:479492049", "gdelt:479492050");
        assertThat(events.get(0).source().name()).isEqualTo("peeblesshirenews.com");
    }

    @Test
    void shouldCountSkippedRowsOfWatchedDyadByReason() throws IOException {
        // CHN/KOR rows: lines 6-7 (010), 8-9 (015), 10 (057, no military actor), 37-38 (CHNGOV -> KOR 042),
        // 48 (KOR -> CHNGOV 043)
        ImportReport report = importFixture(defaultWatchedAnd("CHN-KOR"), GDELT2_2015);

        assertThat(report.skippedByReason()).containsAllEntriesOf(Map.of(
                "CAMEO 010: no military meaning", 2L,
                "CAMEO 015: no military meaning", 2L,
                "CAMEO 057 (sign formal agreement): no military or intelligence actor", 1L,
                "CAMEO 042 (make a visit): not government or military actors on both sides", 2L,
                "CAMEO 043 (host a visit): not government or military actors on both sides", 1L));
        assertThat(report.rowsKept()).isEqualTo(2);
    }

    @Test
    void shouldTakeTurkishEmbargoOnIranAsSuspensionWhenThatPairIsWatched() throws IOException {
        ImportReport report = importFixture(Set.of(Dyad.parse("IRN-TUR")), GDELT2_2019);

        assertThat(report.events(Dyad.parse("IRN-TUR"), EventType.COOPERATION_SUSPENDED)).isEqualTo(1);
        assertThat(events).extracting(Event::id).containsExactly("gdelt:817931612");
        assertThat(events.get(0).source().name()).isEqualTo("dailysabah.com");
    }

    @Test
    void shouldReadZippedExportLikePlainOne() throws IOException {
        Path zip = dir.resolve("20151027220000.export.CSV.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("20151027220000.export.CSV"));
            Files.copy(path(GDELT2_2015), z);
        }
        List<Event> zipped = new ArrayList<>();

        ImportReport report = new GdeltImporter(DEFAULT_WATCHED).importFile(zip, zipped::add);
        importFixture(DEFAULT_WATCHED, GDELT2_2015);

        assertThat(report.rowsRead()).isEqualTo(92);
        assertThat(zipped).isEqualTo(events).hasSize(2);
    }

    @Test
    void shouldReportMalformedRowsWithLineNumbersAndCarryOn() throws IOException {
        List<String> rows = Files.readAllLines(path(GDELT2_2015));
        String good = rows.get(45);
        String input = String.join("\n",
                good.substring(0, good.lastIndexOf('\t')),
                good.replace("479492373\t", "id-479492373\t"),
                good.replace("\t20151027\t", "\t20151032\t"),
                "",
                "not a gdelt row",
                rows.get(55)) + "\n";

        ImportReport report = new GdeltImporter(DEFAULT_WATCHED).importStream("broken.tsv",
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), events::add);

        assertThat(report.rowsRead()).isEqualTo(5);
        assertThat(report.malformedDetails()).containsExactly(
                new MalformedRow("broken.tsv", 1, "60 columns; expected 61 (GDELT 2.0), 58 (1.0 daily) or 57 "
                        + "(1.0 historical)"),
                new MalformedRow("broken.tsv", 2, "GLOBALEVENTID 'id-479492373' is not a number"),
                new MalformedRow("broken.tsv", 3, "SQLDATE '20151032' is not a valid date"),
                new MalformedRow("broken.tsv", 5, "1 columns; expected 61 (GDELT 2.0), 58 (1.0 daily) or 57 "
                        + "(1.0 historical)"));
        assertThat(events).extracting(Event::id).containsExactly("gdelt:479492819");
    }

    @Test
    void shouldGiveSameIdsWhenTheSameFileIsImportedTwice() throws IOException {
        Set<Dyad> watched = defaultWatchedAnd("CHN-GBR", "CHN-KOR");
        importFixture(watched, GDELT2_2015);
        List<Event> again = new ArrayList<>();

        new GdeltImporter(watched).importFile(path(GDELT2_2015), again::add);

        assertThat(again).extracting(Event::id).isNotEmpty().isEqualTo(events.stream().map(Event::id).toList());
    }

    @Test
    void shouldProduceOnlyEventsTheContractAccepts() throws IOException {
        Set<Dyad> watched = defaultWatchedAnd("CHN-GBR", "CHN-KOR", "IRN-TUR", "BRN-CHN", "CAN-CHN", "CHN-USA");
        for (String fixture : List.of(GDELT1, GDELT2_2015, GDELT2_2019)) {
            importFixture(watched, fixture);
        }

        // BRN/CHN 154 (lines 17, 26, 27 of the 2015 excerpt), CHN/GBR 046 (4), IRN/RUS 153 (2), TUR -> IRN 163 (1)
        assertThat(events).hasSize(10);
        assertThat(contractRejections(events)).isEmpty();
    }

    @Test
    void shouldNameSourceAfterUrlHostOrGdeltWithoutUrl() {
        assertThat(GdeltEvents.host("https://www.stratfor.com/analysis/x")).isEqualTo("stratfor.com");
        assertThat(GdeltEvents.host("http://en.ce.cn/World/big-news/")).isEqualTo("en.ce.cn");
        assertThat(GdeltEvents.host(null)).isNull();
        assertThat(GdeltEvents.host("not a url")).isNull();
        assertThat(GdeltEvents.host("ftp://example.org/x")).isNull();
    }

    @Test
    void shouldGradeCredibilityByNumberOfSources() {
        assertThat(GdeltEvents.credibility(0)).isEqualTo(6);
        assertThat(GdeltEvents.credibility(1)).isEqualTo(4);
        assertThat(GdeltEvents.credibility(2)).isEqualTo(3);
        assertThat(GdeltEvents.credibility(4)).isEqualTo(3);
        assertThat(GdeltEvents.credibility(5)).isEqualTo(2);
        assertThat(GdeltEvents.credibility(40)).isEqualTo(2);
    }
}
