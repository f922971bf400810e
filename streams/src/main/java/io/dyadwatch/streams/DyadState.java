package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.EvidenceItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Per-dyad state kept in a store: the latest period seen, the assessment revision and the recent evidence.
 *
 * @param period   label of the latest period with an event
 * @param revision assessment revision
 * @param evidence recent events, newest (by occurredAt) first
 */
record DyadState(String period, long revision, List<EvidenceItem> evidence) {

    DyadState {
        Objects.requireNonNull(period, "period");
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
    }

    /** This state with one more event cited, keeping the newest {@code size}. */
    DyadState withEvidence(EvidenceItem item, int size) {
        List<EvidenceItem> items = new ArrayList<>(evidence);
        items.add(item);
        items.sort(Comparator.comparing(EvidenceItem::occurredAt).reversed());
        return new DyadState(period, revision, items.subList(0, Math.min(size, items.size())));
    }
}
