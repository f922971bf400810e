package io.dyadwatch.producer.gdelt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.producer.importing.Fixtures;
import io.dyadwatch.producer.importing.MalformedRowException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GdeltRowTest {

    private static List<String> lines(String fixture) throws IOException {
        return Files.readAllLines(Fixtures.path("gdelt/" + fixture));
    }

    @Test
    void shouldReadGdelt2RowOf61Columns() throws Exception {
        // excerpt line 46: IRN -> RUS, CAMEO 153, added 2015-10-27 22:00:00
        GdeltRow row = GdeltRow.parse(lines("gdelt2_20151027220000_excerpt.export.CSV").get(45));

        assertThat(row.format()).isEqualTo(GdeltFormat.V2);
        assertThat(row.globalEventId()).isEqualTo("479492373");
        assertThat(row.day()).isEqualTo(LocalDate.of(2015, 10, 27));
        assertThat(row.dateAdded()).isEqualTo(Instant.parse("2015-10-27T22:00:00Z"));
        assertThat(row.actor1().country()).isEqualTo("IRN");
        assertThat(row.actor2().country()).isEqualTo("RUS");
        assertThat(row.eventCode()).isEqualTo("153");
        assertThat(row.goldstein()).isEqualTo(-7.2);
        assertThat(row.numMentions()).isEqualTo(2);
        assertThat(row.numSources()).isEqualTo(1);
        assertThat(row.numArticles()).isEqualTo(2);
        assertThat(row.actionPlace()).isEqualTo("Iran");
        assertThat(row.actionCountryFips()).isEqualTo("IR");
        assertThat(row.sourceUrl())
                .isEqualTo("https://www.stratfor.com/analysis/islamic-state-seizes-opportunity-syria");
    }

    @Test
    void shouldReadGdelt1DailyRowOf58Columns() throws Exception {
        // excerpt line 11: the RUS -> CHN tiger appeal
        GdeltRow row = GdeltRow.parse(lines("gdelt1_20160728_sample_excerpt.export.tsv").get(10));

        assertThat(row.format()).isEqualTo(GdeltFormat.V1_DAILY);
        assertThat(row.globalEventId()).isEqualTo("564464522");
        assertThat(row.day()).isEqualTo(LocalDate.of(2016, 7, 28));
        assertThat(row.dateAdded()).isEqualTo(Instant.parse("2016-07-28T00:00:00Z"));
        assertThat(row.eventCode()).isEqualTo("020");
        assertThat(row.goldstein()).isEqualTo(3.0);
        assertThat(row.numSources()).isEqualTo(1);
        assertThat(row.numArticles()).isEqualTo(2);
        assertThat(row.actionPlace()).isEqualTo("Petersburg, Sankt-Peterburg, Russia");
        assertThat(row.actionCountryFips()).isEqualTo("RS");
        assertThat(row.sourceUrl()).isEqualTo(
                "http://www.freemalaysiatoday.com/category/world/2016/07/29/wwf-calls-for-crack-down-on-tiger-farms/");
    }

    @Test
    void shouldReadGdelt1HistoricalRowOf57ColumnsWithoutUrl() throws Exception {
        // excerpt line 17: first backfile row, an event of 1982 added in 2013
        GdeltRow row = GdeltRow.parse(lines("gdelt1_20160728_sample_excerpt.export.tsv").get(16));

        assertThat(row.format()).isEqualTo(GdeltFormat.V1_HISTORICAL);
        assertThat(row.globalEventId()).isEqualTo("1552829");
        assertThat(row.day()).isEqualTo(LocalDate.of(1982, 1, 2));
        assertThat(row.dateAdded()).isEqualTo(Instant.parse("2013-02-03T00:00:00Z"));
        assertThat(row.eventCode()).isEqualTo("030");
        assertThat(row.sourceUrl()).isNull();
    }

    @Test
    void shouldReadRolesFromTypeFieldsAndCompositeCodes() throws Exception {
        // excerpt line 34: CHNGOV (type GOV) -> GBRGOV (type GOV), CAMEO 046
        GdeltRow row = GdeltRow.parse(lines("gdelt2_20151027220000_excerpt.export.CSV").get(33));

        assertThat(row.actor1().roles()).containsExactly("GOV");
        assertThat(row.actor1().isOfficial()).isTrue();
        assertThat(row.actor1().isSecurity()).isFalse();
        assertThat(GdeltActor.of("RUSMIL", "RUSSIAN", "RUS", "", "", "").isSecurity()).isTrue();
        assertThat(GdeltActor.of("RUSGOVMIL", "RUSSIAN", "RUS", "", "", "").roles()).containsExactlyInAnyOrder(
                "GOV", "MIL");
        assertThat(GdeltActor.of("RUS", "RUSSIA", "RUS", "", "", "").isState()).isTrue();
        assertThat(GdeltActor.of("RUSBUS", "RUSSIA", "RUS", "BUS", "", "").isState()).isFalse();
    }

    @Test
    void shouldRefuseWrongColumnCount() throws Exception {
        String line = lines("gdelt2_20151027220000_excerpt.export.CSV").get(45);

        assertThatThrownBy(() -> GdeltRow.parse(line + "\textra"))
                .isInstanceOf(MalformedRowException.class)
                .hasMessage("62 columns; expected 61 (GDELT 2.0), 58 (1.0 daily) or 57 (1.0 historical)");
    }

    @Test
    void shouldRefuseBadIdAndDates() throws Exception {
        String line = lines("gdelt2_20151027220000_excerpt.export.CSV").get(45);

        assertThatThrownBy(() -> GdeltRow.parse(line.replace("479492373\t", "47949237x\t")))
                .hasMessage("GLOBALEVENTID '47949237x' is not a number");
        assertThatThrownBy(() -> GdeltRow.parse(line.replace("\t20151027\t", "\t20151327\t")))
                .hasMessage("SQLDATE '20151327' is not a valid date");
        assertThatThrownBy(() -> GdeltRow.parse(line.replace("\t20151027220000\t", "\t2015-10-27\t")))
                .hasMessage("DATEADDED '2015-10-27' is not YYYYMMDD or YYYYMMDDHHMMSS");
        assertThatThrownBy(() -> GdeltRow.parse(line.replace("\t-7.2\t", "\tnan?\t")))
                .hasMessage("GoldsteinScale 'nan?' is not a number");
    }
}
