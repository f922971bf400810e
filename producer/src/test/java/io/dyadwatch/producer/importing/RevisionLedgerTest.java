package io.dyadwatch.producer.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.model.event.Event;
import io.dyadwatch.producer.sipri.SipriImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionLedgerTest {

    static final String REGISTER = "sipri/sipri_trade_register_China_from_Russia.csv";

    @TempDir
    Path dir;

    static List<Event> imported(Path file) throws Exception {
        List<Event> events = new ArrayList<>();
        new SipriImporter(Fixtures.DEFAULT_WATCHED).importFile(file, events::add);
        return events;
    }

    static Map<String, String> publish(RevisionLedger ledger, List<Event> events, List<RevisionLedger.Verdict> out) {
        Map<String, String> published = new HashMap<>();
        for (Event event : events) {
            RevisionLedger.Verdict verdict = ledger.classify(event);
            out.add(verdict);
            published.put(event.id(), verdict.hash());
        }
        return published;
    }

    @Test
    void shouldCountEveryRowNewOnTheFirstImportAndUnchangedOnTheSecond() throws Exception {
        List<Event> events = imported(Fixtures.path(REGISTER));
        RevisionLedger first = new RevisionLedger(Map.of());
        Map<String, String> published = publish(first, events, new ArrayList<>());

        RevisionLedger second = new RevisionLedger(published);
        publish(second, imported(Fixtures.path(REGISTER)), new ArrayList<>());

        assertThat(first.count(RevisionLedger.Status.NEW)).isEqualTo(337);
        assertThat(second.count(RevisionLedger.Status.NEW)).isZero();
        assertThat(second.count(RevisionLedger.Status.UNCHANGED)).isEqualTo(337);
        assertThat(second.count(RevisionLedger.Status.REVISED)).isZero();
    }

    @Test
    void shouldMarkARowWhoseContentChangedUnderItsStableIdAsARevisionWithBothHashes() throws Exception {
        Map<String, String> published = publish(new RevisionLedger(Map.of()), imported(Fixtures.path(REGISTER)),
                new ArrayList<>());
        // SIPRI revises the Su-35S order's delivered TIV (1440 -> 1500): same order, same id, other content
        String text = Files.readString(Fixtures.path(REGISTER), StandardCharsets.ISO_8859_1)
                .replace("$2 b deal; Su-35S version,60,1440,1440", "$2 b deal; Su-35S version,60,1440,1500");
        Path revised = Files.writeString(dir.resolve("revised.csv"), text, StandardCharsets.ISO_8859_1);

        RevisionLedger ledger = new RevisionLedger(published);
        List<RevisionLedger.Verdict> verdicts = new ArrayList<>();
        List<Event> events = imported(revised);
        publish(ledger, events, verdicts);

        assertThat(ledger.count(RevisionLedger.Status.REVISED)).isEqualTo(3); // delivered 2016, 2017, 2018
        assertThat(ledger.count(RevisionLedger.Status.UNCHANGED)).isEqualTo(334);
        assertThat(ledger.summary()).isEqualTo("  revisions:      0 new, 334 unchanged, 3 revised\n");
        int at = verdicts.indexOf(verdicts.stream().filter(v -> v.status() == RevisionLedger.Status.REVISED)
                .findFirst().orElseThrow());
        Event event = events.get(at);
        assertThat(event.summary()).contains("Su-35S");
        Map<String, byte[]> headers = verdicts.get(at).headers(event.id());
        assertThat(new String(headers.get(RevisionLedger.REVISION_OF), StandardCharsets.UTF_8)).isEqualTo(event.id());
        assertThat(new String(headers.get(RevisionLedger.PREVIOUS_HASH), StandardCharsets.UTF_8))
                .isEqualTo(published.get(event.id()));
        assertThat(new String(headers.get(RevisionLedger.CONTENT_HASH), StandardCharsets.UTF_8))
                .isEqualTo(RevisionLedger.hash(event)).isNotEqualTo(published.get(event.id()));
    }
}
