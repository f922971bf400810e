package io.dyadwatch.producer.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.EventType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportReportTest {

    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");

    @Test
    void shouldAccountForEveryRowRead() {
        ImportReport report = new ImportReport.Builder("GDELT", "a.csv")
                .rowRead().kept(CHN_RUS, List.of(EventType.JOINT_EXERCISE))
                .rowRead().skipped("not watched")
                .rowRead().skipped("not watched")
                .rowRead().malformed("a.csv", 4, "3 columns")
                .build();

        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(report.rowsKept()).isEqualTo(1);
        assertThat(report.rowsSkipped()).isEqualTo(2);
        assertThat(report.malformedRows()).isEqualTo(1);
        assertThat(report.events(CHN_RUS, EventType.JOINT_EXERCISE)).isEqualTo(1);
        assertThat(report.malformedDetails()).containsExactly(new MalformedRow("a.csv", 4, "3 columns"));
    }

    @Test
    void shouldRefuseReportThatLosesRows() {
        assertThatThrownBy(() -> new ImportReport("GDELT", "a.csv", 3, 1, Map.of(CHN_RUS,
                Map.of(EventType.JOINT_EXERCISE, 1L)), Map.of("not watched", 1L), 0, List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows read = 3");
    }

    @Test
    void shouldKeepFirstHundredMalformedDetailsButCountAll() {
        ImportReport.Builder builder = new ImportReport.Builder("SIPRI", "big.csv");
        for (int line = 1; line <= 150; line++) {
            builder.rowRead().malformed("big.csv", line, "bad");
        }

        ImportReport report = builder.build();

        assertThat(report.malformedRows()).isEqualTo(150);
        assertThat(report.malformedDetails()).hasSize(100);
        assertThat(report.malformedDetails().get(99).line()).isEqualTo(100);
        assertThat(report.render()).contains("malformed rows: 150", "big.csv:100: bad", "... and 50 more");
    }

    @Test
    void shouldRenderCountsPerDyadTypeAndReason() {
        ImportReport report = new ImportReport.Builder("SIPRI", "register.csv")
                .rowRead().kept(CHN_RUS, List.of(EventType.ARMS_TRANSFER, EventType.ARMS_TRANSFER))
                .rowRead().unknownName("Atlantis").skipped("unknown country name")
                .build();

        assertThat(report.render()).isEqualTo("""
                SIPRI import of register.csv
                  rows read:      2
                  rows kept:      1 (2 events)
                    CHN-RUS ARMS_TRANSFER: 2
                  rows skipped:   1
                    unknown country name: 1
                  unknown names:  1
                    'Atlantis': 1 rows
                  malformed rows: 0
                """);
    }

    @Test
    void shouldAddUpReportsOfSeveralFiles() {
        ImportReport first = new ImportReport.Builder("GDELT", "a").rowRead().skipped("x")
                .rowRead().kept(CHN_RUS, List.of(EventType.LEADER_EXCHANGE)).build();
        ImportReport second = new ImportReport.Builder("GDELT", "b").rowRead().malformed("b", 1, "bad")
                .rowRead().kept(CHN_RUS, List.of(EventType.LEADER_EXCHANGE)).build();

        ImportReport total = ImportReport.total(List.of(first, second));

        assertThat(total.source()).isEqualTo("a, b");
        assertThat(total.rowsRead()).isEqualTo(4);
        assertThat(total.events(CHN_RUS, EventType.LEADER_EXCHANGE)).isEqualTo(2);
        assertThat(total.skipped("x")).isEqualTo(1);
        assertThat(total.malformedDetails()).containsExactly(new MalformedRow("b", 1, "bad"));
    }
}
