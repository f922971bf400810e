package io.dyadwatch.model.event;

/**
 * Why a record was refused by the event contract. The name is the machine-readable reason carried in the
 * {@code dyadwatch.reason} header of a dead-lettered record and in metrics; each kind of fault has its own.
 */
public enum RejectReason {
    /** The record has no value at all (a tombstone or an empty line). */
    EMPTY,
    /** Larger than the configured limit (default 64 KiB). */
    OVERSIZED,
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8,
    /** Not parseable as JSON. */
    NOT_JSON,
    /** JSON nested deeper than the contract allows. */
    TOO_DEEPLY_NESTED,
    /** The same key twice in one object. */
    DUPLICATE_KEY,
    /** Valid JSON, but not an object. */
    NOT_AN_OBJECT,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field has the wrong JSON type. */
    WRONG_TYPE,
    /** A top-level field the contract does not define. */
    UNKNOWN_FIELD,
    /** {@code type} is not one of the event types. */
    UNKNOWN_EVENT_TYPE,
    /** Fewer than two distinct actors. */
    TOO_FEW_ACTORS,
    /** An actor that is not an ISO 3166 alpha-3 code. */
    UNKNOWN_COUNTRY,
    /** A date or date-time that cannot be read. */
    UNPARSEABLE_DATE,
    /** {@code occurredAt} later than now plus the tolerance. */
    DATE_IN_FUTURE,
    /** A date before 1900. */
    DATE_OUT_OF_RANGE,
    /** A value of the right type outside its allowed range (blank id, grade letter, over-long text). */
    INVALID_VALUE,
    /** A {@link Coverage#HEADER} header that is not a coverage ({@code FROM..TO}, ISO dates, at most a century). */
    INVALID_COVERAGE,
    /** {@code channel} is not a channel name ({@link Channels#require}: lower-case letters, digits, hyphens). */
    INVALID_CHANNEL
}
