package io.dyadwatch.model.event;

import java.util.Objects;

/**
 * A record refused by the event contract: the reason and a message a person can act on.
 *
 * @param reason  machine-readable
 * @param message human-readable; names the field and what is allowed, never echoes more than a short excerpt
 */
public record Rejection(RejectReason reason, String message) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}
