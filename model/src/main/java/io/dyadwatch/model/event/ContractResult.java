package io.dyadwatch.model.event;

/** The outcome of checking one record against the event contract: an event or a rejection. */
public sealed interface ContractResult {

    /** An accepted record. */
    record Accepted(Event event) implements ContractResult {
    }

    /** A refused record. */
    record Rejected(Rejection rejection) implements ContractResult {
    }

    /** Shorthand for a rejection. */
    static Rejected reject(RejectReason reason, String message) {
        return new Rejected(new Rejection(reason, message));
    }
}
