package io.dyadwatch.producer.importing;

import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.EventType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one import did, immutable. Every data row read is accounted for exactly once: kept, skipped for a
 * reason, or malformed ({@code rowsRead == rowsKept + skipped + malformedRows}). Blank lines and a header
 * row are not data rows.
 *
 * @param importer            which importer ran ("GDELT", "SIPRI")
 * @param source              the file or files read
 * @param rowsRead            data rows read
 * @param rowsKept            rows that produced one or more events
 * @param eventsByDyadAndType events produced, per watched dyad and event type
 * @param skippedByReason     rows read correctly but not imported, per reason
 * @param malformedRows       rows that could not be read (all of them counted)
 * @param malformedDetails    the first {@link #MAX_MALFORMED_DETAILS} malformed rows, in file order
 * @param unknownNames        names the importer could not map to a country code, with their row counts
 */
public record ImportReport(
        String importer,
        String source,
        long rowsRead,
        long rowsKept,
        Map<Dyad, Map<EventType, Long>> eventsByDyadAndType,
        Map<String, Long> skippedByReason,
        long malformedRows,
        List<MalformedRow> malformedDetails,
        Map<String, Long> unknownNames) {

    /** Malformed rows listed in detail; the rest are only counted. */
    public static final int MAX_MALFORMED_DETAILS = 100;

    private static final Comparator<Dyad> BY_KEY = Comparator.comparing(Dyad::key);

    public ImportReport {
        Objects.requireNonNull(importer, "importer");
        Objects.requireNonNull(source, "source");
        requireCount(rowsRead, "rowsRead");
        requireCount(rowsKept, "rowsKept");
        requireCount(malformedRows, "malformedRows");
        eventsByDyadAndType = copyEvents(eventsByDyadAndType);
        skippedByReason = copyCounts(skippedByReason, "skippedByReason");
        unknownNames = copyCounts(unknownNames, "unknownNames");
        malformedDetails = List.copyOf(malformedDetails);
        if (malformedDetails.size() > Math.min(malformedRows, MAX_MALFORMED_DETAILS)) {
            throw new IllegalArgumentException("more malformed details (" + malformedDetails.size()
                    + ") than malformed rows (" + malformedRows + ") or the limit " + MAX_MALFORMED_DETAILS);
        }
        long accounted = rowsKept + malformedRows + sum(skippedByReason);
        if (accounted != rowsRead) {
            throw new IllegalArgumentException("rows kept + skipped + malformed = " + accounted
                    + " but rows read = " + rowsRead);
        }
        if (rowsKept > eventsOf(eventsByDyadAndType)) {
            throw new IllegalArgumentException("every kept row yields an event: " + rowsKept + " kept rows but "
                    + eventsOf(eventsByDyadAndType) + " events");
        }
    }

    /** Events produced (more than rows kept when one row yields several, as a SIPRI order does). */
    public long eventsProduced() {
        return eventsOf(eventsByDyadAndType);
    }

    /** Rows skipped, all reasons together. */
    public long rowsSkipped() {
        return sum(skippedByReason);
    }

    /** Events of one type for one dyad, 0 when none. */
    public long events(Dyad dyad, EventType type) {
        return eventsByDyadAndType.getOrDefault(dyad, Map.of()).getOrDefault(type, 0L);
    }

    /** Rows skipped for the reason, 0 when none. */
    public long skipped(String reason) {
        return skippedByReason.getOrDefault(reason, 0L);
    }

    /** The sum of several reports of the same importer (one per file given to the CLI). */
    public static ImportReport total(List<ImportReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no reports to add up");
        }
        Builder total = new Builder(reports.get(0).importer(), String.join(", ",
                reports.stream().map(ImportReport::source).toList()));
        for (ImportReport report : reports) {
            if (!report.importer().equals(total.importer)) {
                throw new IllegalArgumentException("cannot add a " + report.importer() + " report to a "
                        + total.importer + " report");
            }
            total.add(report);
        }
        return total.build();
    }

    /** The report as text for a person, one fact per line. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(importer).append(" import of ").append(source).append('\n');
        out.append("  rows read:      ").append(rowsRead).append('\n');
        out.append("  rows kept:      ").append(rowsKept).append(" (").append(eventsProduced())
                .append(eventsProduced() == 1 ? " event)" : " events)").append('\n');
        eventsByDyadAndType.forEach((dyad, byType) -> byType.forEach((type, count) ->
                out.append("    ").append(dyad.key()).append(' ').append(type).append(": ").append(count)
                        .append('\n')));
        out.append("  rows skipped:   ").append(rowsSkipped()).append('\n');
        skippedByReason.forEach((reason, count) ->
                out.append("    ").append(reason).append(": ").append(count).append('\n'));
        if (!unknownNames.isEmpty()) {
            out.append("  unknown names:  ").append(unknownNames.size()).append('\n');
            unknownNames.forEach((name, count) ->
                    out.append("    '").append(name).append("': ").append(count).append(" rows\n"));
        }
        out.append("  malformed rows: ").append(malformedRows).append('\n');
        malformedDetails.forEach(row -> out.append("    ").append(row).append('\n'));
        if (malformedRows > malformedDetails.size()) {
            out.append("    ... and ").append(malformedRows - malformedDetails.size()).append(" more\n");
        }
        return out.toString();
    }

    private static void requireCount(long count, String name) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + count);
        }
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long eventsOf(Map<Dyad, Map<EventType, Long>> events) {
        return events.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> copyCounts(Map<String, Long> counts, String name) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> {
            requireCount(Objects.requireNonNull(count, name), name);
            copy.put(Objects.requireNonNull(key, name), count);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Map<Dyad, Map<EventType, Long>> copyEvents(Map<Dyad, Map<EventType, Long>> events) {
        Map<Dyad, Map<EventType, Long>> copy = new TreeMap<>(BY_KEY);
        events.forEach((dyad, byType) -> {
            Map<EventType, Long> types = new EnumMap<>(EventType.class);
            byType.forEach((type, count) -> {
                requireCount(count, "eventsByDyadAndType");
                types.put(type, count);
            });
            copy.put(Objects.requireNonNull(dyad, "dyad"), Collections.unmodifiableMap(types));
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Collects the counts of one import as it runs. Not thread-safe. */
    public static final class Builder {
        private final String importer;
        private final String source;
        private long rowsRead;
        private long rowsKept;
        private final Map<Dyad, Map<EventType, Long>> events = new TreeMap<>(BY_KEY);
        private final Map<String, Long> skipped = new TreeMap<>();
        private long malformed;
        private final List<MalformedRow> details = new ArrayList<>();
        private final Map<String, Long> unknownNames = new TreeMap<>();

        /** A builder for an import by the named importer of the named source. */
        public Builder(String importer, String source) {
            this.importer = Objects.requireNonNull(importer, "importer");
            this.source = Objects.requireNonNull(source, "source");
        }

        /** Counts a data row read; then exactly one of kept, skipped or malformed must follow. */
        public Builder rowRead() {
            rowsRead++;
            return this;
        }

        /** Counts a row that produced the given events' dyad and types. */
        public Builder kept(Dyad dyad, List<EventType> typesOfItsEvents) {
            if (typesOfItsEvents.isEmpty()) {
                throw new IllegalArgumentException("a kept row yields at least one event");
            }
            rowsKept++;
            typesOfItsEvents.forEach(type -> events.computeIfAbsent(dyad, d -> new EnumMap<>(EventType.class))
                    .merge(type, 1L, Long::sum));
            return this;
        }

        /** Counts a row skipped for the reason. */
        public Builder skipped(String reason) {
            skipped.merge(Objects.requireNonNull(reason, "reason"), 1L, Long::sum);
            return this;
        }

        /** Counts a row that could not be read, keeping the first details. */
        public Builder malformed(String location, long line, String reason) {
            malformed++;
            if (details.size() < MAX_MALFORMED_DETAILS) {
                details.add(new MalformedRow(location, line, reason));
            }
            return this;
        }

        /** Notes a name that could not be mapped (the row is also counted as skipped). */
        public Builder unknownName(String name) {
            unknownNames.merge(Objects.requireNonNull(name, "name"), 1L, Long::sum);
            return this;
        }

        private void add(ImportReport report) {
            rowsRead += report.rowsRead();
            rowsKept += report.rowsKept();
            report.eventsByDyadAndType().forEach((dyad, byType) -> byType.forEach((type, count) ->
                    events.computeIfAbsent(dyad, d -> new EnumMap<>(EventType.class)).merge(type, count, Long::sum)));
            report.skippedByReason().forEach((reason, count) -> skipped.merge(reason, count, Long::sum));
            report.unknownNames().forEach((name, count) -> unknownNames.merge(name, count, Long::sum));
            malformed += report.malformedRows();
            report.malformedDetails().stream().limit(MAX_MALFORMED_DETAILS - (long) details.size())
                    .forEach(details::add);
        }

        /** The report so far. */
        public ImportReport build() {
            return new ImportReport(importer, source, rowsRead, rowsKept, events, skipped, malformed, details,
                    unknownNames);
        }
    }
}
