package io.dyadwatch.producer.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One 15-minute GDELT 2.0 slot, named by its start in UTC ({@code 20250601101500}). UTC only: no local time enters
 * the arithmetic, so a daylight-saving change cannot shift which slot is asked for.
 *
 * @param start the slot's first instant, on a quarter hour
 */
public record Slot(Instant start) implements Comparable<Slot> {

    /** The length of a slot. */
    public static final Duration LENGTH = Duration.ofMinutes(15);

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);

    public Slot {
        Objects.requireNonNull(start, "start");
        if (start.getNano() != 0 || start.getEpochSecond() % LENGTH.toSeconds() != 0) {
            throw new IllegalArgumentException("a slot starts on a quarter hour (UTC), got " + start);
        }
    }

    /** The slot holding the instant. */
    public static Slot containing(Instant instant) {
        long seconds = instant.getEpochSecond();
        return new Slot(Instant.ofEpochSecond(Math.floorDiv(seconds, LENGTH.toSeconds()) * LENGTH.toSeconds()));
    }

    /**
     * Parses a label {@code YYYYMMDDHHMMSS} (UTC).
     *
     * @throws IllegalArgumentException when it is not 14 digits of a valid time on a quarter hour
     */
    public static Slot parse(String label) {
        if (label == null || !label.matches("[0-9]{14}")) {
            throw new IllegalArgumentException("a slot is written YYYYMMDDHHMMSS (UTC), got '" + label + "'");
        }
        try {
            return new Slot(LocalDateTime.parse(label, DateTimeFormatter.ofPattern("uuuuMMddHHmmss"))
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + label + "' is not a valid time", e);
        }
    }

    /** The slot after this one. */
    public Slot next() {
        return new Slot(start.plus(LENGTH));
    }

    /** The first instant after the slot. */
    public Instant end() {
        return start.plus(LENGTH);
    }

    /** {@code YYYYMMDDHHMMSS}, as in GDELT's file names. */
    public String label() {
        return LABEL.format(start);
    }

    @Override
    public int compareTo(Slot other) {
        return start.compareTo(other.start);
    }

    @Override
    public String toString() {
        return label();
    }
}
