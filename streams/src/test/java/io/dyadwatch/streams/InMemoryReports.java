package io.dyadwatch.streams;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link ReportLedger.Store} in maps, for tests of the ledger without Kafka. */
final class InMemoryReports implements ReportLedger.Store {

    final Map<StateKey.OfReport, Long> reports = new HashMap<>();
    final Map<StateKey.OfEvent, ClusterState> events = new HashMap<>();

    @Override
    public boolean contains(StateKey.OfReport report) {
        return reports.containsKey(report);
    }

    @Override
    public void remember(StateKey.OfReport report, long firstSeenMs) {
        reports.put(report, firstSeenMs);
    }

    @Override
    public List<ClusterState> events(String dyad, String type, String match, LocalDate from, LocalDate to) {
        List<ClusterState> found = new ArrayList<>();
        events.forEach((k, v) -> {
            if (k.dyad().equals(dyad) && k.type().equals(type) && k.match().equals(match) && !k.day().isBefore(from)
                    && !k.day().isAfter(to)) {
                found.add(v);
            }
        });
        return found;
    }

    @Override
    public void put(StateKey.OfEvent key, ClusterState event) {
        events.put(key, event);
    }
}
