package io.dyadwatch.catalog.baseline;

import io.dyadwatch.catalog.model.Quarter;
import java.util.Objects;

/**
 * Where a dyad's status quo is measured: a record (a class-path resource of event JSON lines) and the quarters of it
 * that define normal. Everything after {@code to} is judged out of sample; changing the window is re-baselining, an
 * explicit catalog change.
 *
 * @param record class-path resource of the record, e.g. {@code history/russia-china-2012-2025.jsonl}
 * @param from   first quarter of the window
 * @param to     last quarter of the window (inclusive)
 */
public record ReferenceWindow(String record, Quarter from, Quarter to) {

    public ReferenceWindow {
        Objects.requireNonNull(record, "record");
        if (record.isBlank()) {
            throw new IllegalArgumentException("record must not be blank");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Quarters in the window, both ends included. */
    public int quarters() {
        return (to.year() - from.year()) * 4 + to.quarter() - from.quarter() + 1;
    }

    /** True when the quarter lies in the window. */
    public boolean contains(Quarter q) {
        return q.compareTo(from) >= 0 && q.compareTo(to) <= 0;
    }
}
