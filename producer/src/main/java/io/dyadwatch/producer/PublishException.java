package io.dyadwatch.producer;

/** An event the broker did not acknowledge; the message says why in one line. */
public final class PublishException extends Exception {
    private static final long serialVersionUID = 1L;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
