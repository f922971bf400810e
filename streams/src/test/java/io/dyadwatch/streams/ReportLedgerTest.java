package io.dyadwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.settings.CommonSettings;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportLedgerTest {

    static final Catalog CATALOG = Catalog.loadDefault();
    private static final CommonSettings COMMON = new CommonSettings(Map.of());

    private final InMemoryReports store = new InMemoryReports();
    private final ReportLedger ledger = new ReportLedger(store, CATALOG::indicatorsFor, 
            PeriodUnit.QUARTER, 3);

    static Event parse(String json) {
        return ((ContractResult.Accepted) COMMON.contract().check(json.getBytes(StandardCharsets.UTF_8))).event();
    }

    static Event patrol(String id, String date, String source, String grade) {
        return parse(DyadWatchTopologyTest.patrol(id, date, source, grade));
    }

    @Test
    void shouldCountAReportOnceHoweverOftenItArrives() {
        Event report = patrol("p1", "2023-03-15", "Kyodo", "B2");

        ReportLedger.Outcome first = ledger.record("CHN-RUS", report, 1);
        ReportLedger.Outcome again = ledger.record("CHN-RUS", report, 2);

        assertThat(first).isInstanceOf(ReportLedger.Outcome.Added.class);
        assertThat(again).isInstanceOf(ReportLedger.Outcome.Duplicate.class);
        assertThat(ledger.record("IRN-RUS", report, 3)).as("another dyad counts it for itself")
                .isInstanceOf(ReportLedger.Outcome.Added.class);
    }

    @Test
    void shouldTellCorroborationByAnotherSourceFromTheSameSourceRepeatingItself() {
        ReportLedger.Outcome a = ledger.record("CHN-RUS", patrol("a", "2023-03-15", "Kyodo", "C3"), 1);
        ReportLedger.Outcome repeat = ledger.record("CHN-RUS", patrol("b", "2023-03-16", "Kyodo", "C3"), 2);
        ReportLedger.Outcome other = ledger.record("CHN-RUS", patrol("c", "2023-03-17", "Japan Joint Staff", "C3"), 3);

        assertThat(a).isInstanceOf(ReportLedger.Outcome.Added.class);
        ReportLedger.Outcome.Merged repeated = (ReportLedger.Outcome.Merged) repeat;
        assertThat(repeated.corroborated()).isFalse();
        assertThat(repeated.after().weight()).isEqualTo(repeated.before().weight());
        ReportLedger.Outcome.Merged corroborated = (ReportLedger.Outcome.Merged) other;
        assertThat(corroborated.corroborated()).isTrue();
        assertThat(corroborated.after().weight()).isGreaterThan(corroborated.before().weight());
        assertThat(corroborated.after().corroboration()).isEqualTo(2);
        assertThat(store.events).hasSize(1);
    }

    @Test
    void shouldKeepReportsOutsideTheWindowOrDifferentlyNamedApart() {
        ledger.record("CHN-RUS", patrol("a", "2023-03-15", "Kyodo", "B2"), 1);

        ReportLedger.Outcome late = ledger.record("CHN-RUS", patrol("b", "2023-03-25", "Japan Joint Staff", "B1"), 2);
        ReportLedger.Outcome unnamed = ledger.record("CHN-RUS", parse(DyadWatchTopologyTest.event("c", "COMBINED_PATROL",
                "[\"RUS\",\"CHN\"]", "2023-03-15", "TASS", "B2", "{\"domains\":[\"air\"]}")), 3);

        assertThat(late).isInstanceOf(ReportLedger.Outcome.Added.class);
        assertThat(unnamed).isInstanceOf(ReportLedger.Outcome.Added.class);
        assertThat(((ReportLedger.Outcome.Added) late).event().period()).hasToString("2023-Q1");
    }
}
