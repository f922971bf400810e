package io.dyadwatch.app.trackrecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dyadwatch.model.event.Coverage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of every bundled record merged into one replay, as the demo sends it: lines in event-time order (stably: a record's own
 * order within a day, records in catalog order), an event shared by several records (the multilateral exercises the
 * Russia-China and Iran-Russia records both hold, under one id) sent once, each line declaring the days its records
 * cover. A shared line declares only the days all its records cover: the Russia-China record's 2012-2015 must not read
 * as silent years of Iran-Russia, whose record starts in 2016.
 *
 * @param line   the event's JSON line
 * @param covers the days it covers
 * @param record the record it comes from (the first, for a shared line)
 */
public record BundledLine(String line, Coverage covers, String record) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BundledLine {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(covers, "covers");
        Objects.requireNonNull(record, "record");
    }

    /** The records' lines merged, in replay order. */
    public static List<BundledLine> merge(List<RecordedDyad> records) {
        Map<String, BundledLine> byId = new LinkedHashMap<>();
        Map<String, String> when = new LinkedHashMap<>();
        for (RecordedDyad r : records) {
            for (String line : r.text().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = read(line, r.record());
                String id = event.path("id").asText();
                BundledLine seen = byId.get(id);
                if (seen == null) {
                    byId.put(id, new BundledLine(line, r.covers(), r.record()));
                    when.put(id, event.path("occurredAt").asText());
                } else if (!seen.line.equals(line)) {
                    throw new IllegalArgumentException("the records " + seen.record + " and " + r.record()
                            + " hold different events under one id " + id);
                } else {
                    byId.put(id, new BundledLine(line, intersection(seen.covers, r.covers(), id), seen.record));
                }
            }
        }
        List<String> ids = new ArrayList<>(byId.keySet());
        ids.sort(Comparator.comparing(when::get)); // stable
        return ids.stream().map(byId::get).toList();
    }

    private static Coverage intersection(Coverage a, Coverage b, String id) {
        var from = a.from().isAfter(b.from()) ? a.from() : b.from();
        var to = a.to().isBefore(b.to()) ? a.to() : b.to();
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the records holding " + id + " cover no common day");
        }
        return new Coverage(from, to);
    }

    private static JsonNode read(String line, String record) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("a line of " + record + " is not JSON: " + e.getMessage(), e);
        }
    }
}
