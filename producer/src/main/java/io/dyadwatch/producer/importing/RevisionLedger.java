package io.dyadwatch.producer.importing;

import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * What an importer published before, by event id, as content hashes: tells a re-imported row that is new, unchanged
 * or revised (the source changed its content under a stable id, as SIPRI revises its whole register every year).
 * A revised event is published again, marked a revision ({@link #REVISION_OF}, {@link #CONTENT_HASH},
 * {@link #PREVIOUS_HASH} headers); an unchanged one is not published. Plain Java: the hashes come from and go to the
 * compacted {@code dyadwatch.events.hashes} topic ({@code PublishedHashes}). Not thread-safe.
 */
public final class RevisionLedger {

    /** Header on a revision: the id it revises (the event's own id). */
    public static final String REVISION_OF = "dyadwatch-revision-of";
    /** Header on every event a ledger publishes: the hex SHA-256 of the event's JSON. */
    public static final String CONTENT_HASH = "dyadwatch-content-hash";
    /** Header on a revision: the content hash it replaces. */
    public static final String PREVIOUS_HASH = "dyadwatch-previous-hash";

    /** What a row turned out to be. */
    public enum Status {
        /** An id not published before. */
        NEW,
        /** The same content as published. */
        UNCHANGED,
        /** The same id with other content. */
        REVISED
    }

    /**
     * One classified event.
     *
     * @param status   new, unchanged or revised
     * @param hash     its content hash
     * @param previous the hash it replaces (revised only), else null
     */
    public record Verdict(Status status, String hash, String previous) {

        /** The record headers its publication carries (none for an unchanged event, which is not published). */
        public Map<String, byte[]> headers(String id) {
            return switch (status) {
                case NEW -> Map.of(CONTENT_HASH, bytes(hash));
                case REVISED -> Map.of(CONTENT_HASH, bytes(hash), REVISION_OF, bytes(id), PREVIOUS_HASH, bytes(previous));
                case UNCHANGED -> Map.of();
            };
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private final Map<String, String> known;
    private final Map<Status, Long> counts = new java.util.EnumMap<>(Status.class);

    /** A ledger that knows these hashes by id. */
    public RevisionLedger(Map<String, String> published) {
        this.known = new HashMap<>(published);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
    }

    /** Classifies an event, counts it, and remembers its hash as published. */
    public Verdict classify(Event event) {
        String hash = hash(event);
        String previous = known.put(event.id(), hash);
        Verdict verdict = previous == null ? new Verdict(Status.NEW, hash, null)
                : previous.equals(hash) ? new Verdict(Status.UNCHANGED, hash, null)
                : new Verdict(Status.REVISED, hash, previous);
        counts.merge(verdict.status(), 1L, Long::sum);
        return verdict;
    }

    /** Events classified with the status so far. */
    public long count(Status status) {
        return counts.get(Objects.requireNonNull(status));
    }

    /** The line of an import summary: {@code revisions: 3 new, 775 unchanged, 1 revised}. */
    public String summary() {
        return "  revisions:      " + count(Status.NEW) + " new, " + count(Status.UNCHANGED) + " unchanged, "
                + count(Status.REVISED) + " revised\n";
    }

    /** The hex SHA-256 of an event's JSON (the contract's field order, so equal events hash equal). */
    public static String hash(Event event) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(EventJson.toBytes(event)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
