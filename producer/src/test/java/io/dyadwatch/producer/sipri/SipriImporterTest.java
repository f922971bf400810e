package io.dyadwatch.producer.sipri;

import static io.dyadwatch.producer.importing.Fixtures.DEFAULT_WATCHED;
import static io.dyadwatch.producer.importing.Fixtures.contractRejections;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SipriImporterTest {

    private static final String CHINA_FROM_RUSSIA = "sipri/sipri_trade_register_China_from_Russia.csv";
    private static final String FULL_EXCERPT = "sipri/sipri_trade_register_full_excerpt.csv";
    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");
    private static final Dyad IRN_RUS = Dyad.parse("IRN-RUS");
    private static final Dyad PRK_RUS = Dyad.parse("PRK-RUS");

    private final List<Event> events = new ArrayList<>();

    private ImportReport importFixture(Set<Dyad> watched, String fixture) throws IOException {
        return new SipriImporter(watched).importFile(path(fixture), events::add);
    }

    private List<Event> eventsOf(String designation) {
        return events.stream().filter(e -> designation.equals(e.attribute("designation"))).toList();
    }

    @Test
    void shouldImportEveryChinaFromRussiaRecordAsOneEventPerDeliveryYear() throws IOException {
        // 97 records, all delivered; their "Year(s) of delivery" list 337 years in all
        ImportReport report = importFixture(DEFAULT_WATCHED, CHINA_FROM_RUSSIA);

        assertThat(report.rowsRead()).isEqualTo(97);
        assertThat(report.rowsKept()).isEqualTo(97);
        assertThat(report.malformedRows()).isZero();
        assertThat(report.events(CHN_RUS, EventType.ARMS_TRANSFER)).isEqualTo(337);
        assertThat(events).hasSize(337).allSatisfy(e -> assertThat(e.actors()).containsExactly("RUS", "CHN"));
    }

    @Test
    void shouldPutEveryImportedEventInTheSipriChannel() throws IOException {
        importFixture(DEFAULT_WATCHED, CHINA_FROM_RUSSIA);

        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.channel()).isEqualTo("sipri"));
    }

    @Test
    void shouldSpreadSu35OrderOverItsThreeDeliveryYears() throws IOException {
        // line 59: China,Russia,2015,,24,,Su-35S,FGA aircraft,24,,2016; 2017; 2018,New,$2 b deal; ...,60,1440,1440
        importFixture(DEFAULT_WATCHED, CHINA_FROM_RUSSIA);

        List<Event> su35 = eventsOf("Su-35S");

        assertThat(su35).hasSize(3);
        assertThat(su35).extracting(Event::occurredAt).containsExactly(Instant.parse("2016-07-01T00:00:00Z"),
                Instant.parse("2017-07-01T00:00:00Z"), Instant.parse("2018-07-01T00:00:00Z"));
        String order = su35.get(0).id().substring(0, su35.get(0).id().lastIndexOf(':'));
        assertThat(order).matches("sipri:[0-9a-f]{12}");
        assertThat(su35).extracting(Event::id).containsExactly(order + ":2016", order + ":2017", order + ":2018");
        Event first = su35.get(0);
        assertThat(first.type()).isEqualTo(EventType.ARMS_TRANSFER);
        assertThat(first.reportedAt()).isNull();
        assertThat(first.source()).isEqualTo(new Source("SIPRI Arms Transfers Database",
                "https://www.sipri.org/databases/armstransfers", new Grade('A', 2)));
        assertThat(first.attributes())
                .containsEntry("description", "FGA aircraft")
                .containsEntry("numberOrdered", 24)
                .containsEntry("numberDelivered", 24)
                .containsEntry("orderYear", 2015)
                .containsEntry("deliveryYear", 2016)
                .containsEntry("deliveryYears", List.of(2016, 2017, 2018))
                .containsEntry("tiv", 480.0)
                .containsEntry("tivDelivered", 1440.0)
                .containsEntry("status", "New")
                .containsEntry("comments", "$2 b deal; Su-35S version")
                .doesNotContainKeys("numberDeliveredInYear", "uncertain");
    }

    @Test
    void shouldImportS400DeliveriesOf2018And2019() throws IOException {
        // line 54: China,Russia,2015,,8,?,S-400 Triumf,SAM system,8,?,2018; 2019,New,$3 b deal,65,520,520
        importFixture(DEFAULT_WATCHED, CHINA_FROM_RUSSIA);

        List<Event> s400 = eventsOf("S-400 Triumf");

        assertThat(s400).hasSize(2);
        assertThat(s400).extracting(e -> e.attributes().get("deliveryYear")).containsExactly(2018, 2019);
        assertThat(s400).allSatisfy(e -> assertThat(e.attributes())
                .containsEntry("tiv", 260.0)
                .containsEntry("numberOrdered", 8)
                .containsEntry("uncertain", List.of("numberOrdered", "numberDelivered"))
                .containsEntry("comments", "$3 b deal"));
        assertThat(s400.get(1).summary()).isEqualTo("SIPRI: Russia -> China, 8 S-400 Triumf (SAM system) ordered "
                + "2015; delivered 2018, 2019; this event: 2019, TIV share 260");
    }

    @Test
    void shouldGiveSameIdsWhenTheSameFileIsImportedTwice() throws IOException {
        importFixture(DEFAULT_WATCHED, CHINA_FROM_RUSSIA);
        List<Event> again = new ArrayList<>();

        new SipriImporter(DEFAULT_WATCHED).importFile(path(CHINA_FROM_RUSSIA), again::add);

        assertThat(again).extracting(Event::id).isEqualTo(events.stream().map(Event::id).toList());
    }

    @Test
    void shouldGiveDistinctIdsToDistinctOrdersOfTheSameWeaponAndYear() throws IOException {
        // lines 3 and 94: two 2019 Mi-17 orders (20 and 18); lines 12 and 55: two 2011 AL-31 orders (123, 130)
        importFixture(DEFAULT_WATCHED, CHINA_FROM_RUSSIA);

        assertThat(new HashSet<>(events.stream().map(Event::id).toList())).hasSize(337);
        assertThat(eventsOf("Mi-17").stream().filter(e -> e.attributes().get("orderYear").equals(2019))
                .map(e -> e.attributes().get("numberOrdered")).distinct()).containsExactlyInAnyOrder(20, 18);
    }

    @Test
    void shouldNumberExactDuplicateRecordsInFileOrder() throws IOException {
        // lines 4 and 5: the same El Salvador record twice (DC-6/C-118 from the United States, 1977)
        importFixture(Set.of(Dyad.parse("SLV-USA")), FULL_EXCERPT);

        assertThat(events).hasSize(2);
        String first = events.get(0).id();
        assertThat(first).matches("sipri:[0-9a-f]{12}:1977");
        assertThat(events.get(1).id()).isEqualTo(first.replace(":1977", "-2:1977"));
    }

    @Test
    void shouldImportWatchedPairsOfFullRegisterInBothDirections() throws IOException {
        // kept: lines 7, 8, 10, 11 (Iran from Russia: 22 + 2 + 2 + 8 years), 13 (North Korea from Russia, 1),
        // 14 (Russia from North Korea, 1), 15-16 (Russia from China, 1 + 4), 17-18 (Russia from Iran, 2 + 1)
        ImportReport report = importFixture(DEFAULT_WATCHED, FULL_EXCERPT);

        assertThat(report.rowsRead()).isEqualTo(26);
        assertThat(report.rowsKept()).isEqualTo(10);
        assertThat(report.events(IRN_RUS, EventType.ARMS_TRANSFER)).isEqualTo(37);
        assertThat(report.events(PRK_RUS, EventType.ARMS_TRANSFER)).isEqualTo(2);
        assertThat(report.events(CHN_RUS, EventType.ARMS_TRANSFER)).isEqualTo(5);
        assertThat(report.skippedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                SipriImporter.NOT_WATCHED, 7L,
                SipriImporter.NO_CODE, 4L,
                SipriImporter.NOT_DELIVERED, 1L));
        Event hwasong = eventsOf("Hwasong-11").get(0);
        assertThat(hwasong.actors()).containsExactly("PRK", "RUS");
        assertThat(hwasong.attributes()).doesNotContainKey("numberOrdered")
                .containsEntry("numberDeliveredInYear", 5)
                .containsEntry("tiv", 12.5);
        assertThat(eventsOf("Shahed-136")).extracting(e -> e.attributes().get("tiv")).containsExactly(120.0, 120.0);
    }

    @Test
    void shouldReportRecordsBrokenByLineBreakAndCarryOn() throws IOException {
        // lines 21-22 and 25-26: comments cut by an unquoted line break
        ImportReport report = importFixture(DEFAULT_WATCHED, FULL_EXCERPT);

        assertThat(report.malformedDetails()).containsExactly(
                new MalformedRow(FULL_EXCERPT.substring(6), 21, "13 columns; expected 16"),
                new MalformedRow(FULL_EXCERPT.substring(6), 22, "4 columns; expected 16"),
                new MalformedRow(FULL_EXCERPT.substring(6), 25, "13 columns; expected 16"),
                new MalformedRow(FULL_EXCERPT.substring(6), 26, "4 columns; expected 16"));
    }

    @Test
    void shouldReadLatin1Text() throws IOException {
        // line 2: Algeria from Finland, comment "Wärtsilä-12V32 diesel engine; ..." in ISO-8859-1
        importFixture(Set.of(Dyad.parse("DZA-FIN")), FULL_EXCERPT);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).attribute("comments")).startsWith("Wärtsilä-12V32 diesel engine");
    }

    @Test
    void shouldListUnknownNamesWithoutStopping() throws IOException {
        String csv = """
                Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,\
                Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,\
                SIPRI TIV of delivered weapons
                Atlantis,Russia,2020,,2,,Su-35S,FGA aircraft,2,,2021,New,,60,120,120
                "China","Russia","2020",,"2",,"Mi-17","transport helicopter, armed","2",,"2021; 2022",New,\
                "a, b",7.25,14.5,14.5
                China,Russia,2020,,x,,Mi-17,transport helicopter,2,,2021,New,,7.25,14.5,14.5
                """;

        ImportReport report = new SipriImporter(DEFAULT_WATCHED).importStream("typed.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), events::add);

        assertThat(report.unknownNames()).containsExactlyEntriesOf(Map.of("Atlantis", 1L));
        assertThat(report.skipped(SipriImporter.UNKNOWN_NAME)).isEqualTo(1);
        assertThat(report.malformedDetails()).containsExactly(
                new MalformedRow("typed.csv", 4, "Number ordered 'x' is not a number"));
        assertThat(events).hasSize(2);
        assertThat(events.get(0).attributes()).containsEntry("description", "transport helicopter, armed")
                .containsEntry("comments", "a, b")
                .containsEntry("tiv", 7.25);
    }

    @Test
    void shouldProduceOnlyEventsTheContractAccepts() throws IOException {
        Set<Dyad> watched = new HashSet<>(DEFAULT_WATCHED);
        watched.addAll(Set.of(Dyad.parse("SLV-USA"), Dyad.parse("DZA-FIN"), Dyad.parse("CHN-THA")));
        importFixture(watched, CHINA_FROM_RUSSIA);
        importFixture(watched, FULL_EXCERPT);

        // 337 + 44 from the watched pairs, 2 El Salvador, 1 Algeria, 2 Thailand from China (1991, 1992)
        assertThat(events).hasSize(386);
        assertThat(contractRejections(events)).isEmpty();
    }
}
