package io.dyadwatch.model.topic;

/** Header names on a dead-lettered record; values are UTF-8 text. */
public final class DeadLetterHeaders {

    /** Machine-readable reason: a {@link io.dyadwatch.model.event.RejectReason} name. */
    public static final String REASON = "dyadwatch.reason";
    /** Human-readable message: which field, what is wrong, what is allowed. */
    public static final String MESSAGE = "dyadwatch.message";
    /** Topic the record was read from. */
    public static final String SOURCE_TOPIC = "dyadwatch.source.topic";
    /** Partition the record was read from. */
    public static final String SOURCE_PARTITION = "dyadwatch.source.partition";
    /** Offset of the record in its partition. */
    public static final String SOURCE_OFFSET = "dyadwatch.source.offset";

    private DeadLetterHeaders() {
    }
}
