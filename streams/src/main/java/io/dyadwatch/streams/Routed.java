package io.dyadwatch.streams;

import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.Rejection;

/** What the entrance makes of one input record. */
sealed interface Routed {

    /** A refused record, with its original bytes; the reason travels in the record's headers. */
    record DeadLetter(byte[] original, Rejection rejection) implements Routed {
    }

    /**
     * A valid event headed for one watched dyad (the record key).
     *
     * @param event       the event
     * @param alreadyKeyed true when the input record was already keyed by this dyad, so no repartition is needed
     */
    record ForDyad(Event event, boolean alreadyKeyed) implements Routed {
    }
}
