package io.dyadwatch.producer.sipri;

import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import io.dyadwatch.producer.importing.CsvReader;
import io.dyadwatch.producer.importing.CsvRecord;
import io.dyadwatch.producer.importing.ImportReport;
import io.dyadwatch.producer.importing.TextImporter;
import io.dyadwatch.producer.importing.LineReader;
import io.dyadwatch.producer.importing.MalformedRowException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Imports the SIPRI trade register CSV (header row, 16 columns) as ARMS_TRANSFER events between watched
 * pairs: one event per delivery year, supplier first. Records are streamed, never loaded whole.
 *
 * <p>Event ids are {@code sipri:<order hash>:<delivery year>}, where the order hash is the first 12 hex digits
 * of the SHA-256 of supplier|recipient|order year|number ordered|designation|description. When the same order
 * key appears again in one file, the later records get {@code -2}, {@code -3}, ... after the hash, in file
 * order. Importing the same file again gives the same ids.
 *
 * <p>Thread-safe: each call keeps its own state.
 */
public final class SipriImporter extends TextImporter {

    /** The importer's name in reports. */
    public static final String NAME = "SIPRI";
    /** Skip reason: supplier and recipient are not a watched pair. */
    public static final String NOT_WATCHED = "supplier and recipient are not a watched pair";
    /** Skip reason: a party is a non-state group, an organisation or a former state. */
    public static final String NO_CODE = "a party has no ISO code (non-state group, organisation or former state)";
    /** Skip reason: a name is not in the country table (the name is listed in the report). */
    public static final String UNKNOWN_NAME = "unknown country name";
    /** Skip reason: a watched pair's order with no delivery yet. */
    public static final String NOT_DELIVERED = "watched pair, but no delivery year yet";

    private final Set<String> watched;

    /** An importer for the watched dyads; groups of three or more never match a supplier-recipient pair. */
    public SipriImporter(Set<Dyad> watched) {
        super(NAME);
        Objects.requireNonNull(watched, "watched");
        this.watched = watched.stream().filter(d -> d.members().size() == 2).map(Dyad::key)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void importText(String location, InputStream in, Consumer<Event> sink, ImportReport.Builder report)
            throws IOException {
        CsvReader records = new CsvReader(new LineReader(in));
        Map<String, Integer> seenOrders = new HashMap<>();
        boolean first = true;
        for (CsvRecord record = records.next(); record != null; record = records.next()) {
            if (first && record.readable() && isHeader(record)) {
                first = false;
                continue;
            }
            first = false;
            report.rowRead();
            if (!record.readable()) {
                report.malformed(location, record.line(), record.problem());
                continue;
            }
            SipriRow row;
            try {
                row = SipriRow.parse(record.fields());
            } catch (MalformedRowException e) {
                report.malformed(location, record.line(), e.getMessage());
                continue;
            }
            importRow(row, seenOrders, sink, report);
        }
    }

    private static boolean isHeader(CsvRecord record) {
        return record.fields().get(0).strip().equalsIgnoreCase("Recipient");
    }

    private void importRow(SipriRow row, Map<String, Integer> seenOrders, Consumer<Event> sink,
            ImportReport.Builder report) {
        Optional<String> supplier = SipriCountries.code(row.supplier());
        Optional<String> recipient = SipriCountries.code(row.recipient());
        if (supplier.isEmpty() || recipient.isEmpty()) {
            boolean unknown = false;
            for (String name : List.of(row.supplier(), row.recipient())) {
                if (SipriCountries.code(name).isEmpty() && !SipriCountries.hasNoCode(name)) {
                    report.unknownName(name);
                    unknown = true;
                }
            }
            report.skipped(unknown ? UNKNOWN_NAME : NO_CODE);
            return;
        }
        String s = supplier.get();
        String r = recipient.get();
        if (s.equals(r) || !watched.contains(s.compareTo(r) < 0 ? s + "-" + r : r + "-" + s)) {
            report.skipped(NOT_WATCHED);
            return;
        }
        if (row.deliveryYears().isEmpty()) {
            report.skipped(NOT_DELIVERED);
            return;
        }
        String key = SipriEvents.orderKey(row);
        int occurrence = seenOrders.merge(key, 1, Integer::sum);
        String orderId = SipriEvents.hash(key) + (occurrence == 1 ? "" : "-" + occurrence);
        List<Event> events = SipriEvents.toEvents(row, orderId, s, r);
        events.forEach(sink);
        report.kept(Dyad.of(List.of(s, r)), Collections.nCopies(events.size(), EventType.ARMS_TRANSFER));
    }
}
