package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.assessment.PeriodUnit;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The keys of the analyst's stores. Each starts with the dyad, then a zero byte, so one dyad's entries are a
 * contiguous range; numbers are written big-endian with the sign bit flipped, so byte order (RocksDB's) is the
 * numeric order and a range scan walks periods, days or steps in time order.
 */
sealed interface StateKey {

    /** The dyad the entry belongs to. */
    String dyad();

    /** A dyad's tally or result of one period. */
    record OfPeriod(String dyad, Period period) implements StateKey {
        public OfPeriod {
            Objects.requireNonNull(dyad, "dyad");
            Objects.requireNonNull(period, "period");
        }
    }

    /** A report (event id) already counted for a dyad. */
    record OfReport(String dyad, String eventId) implements StateKey {
        public OfReport {
            Objects.requireNonNull(dyad, "dyad");
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    /**
     * A real-world event of a dyad, found for corroboration by type, what a later report must share with it
     * ({@code match}), and day: a range scan over a few days of one type and match key finds the candidates, and
     * nothing else.
     *
     * @param match    {@code n:} and the normalised name, or {@code l:} and the normalised location when unnamed,
     *                 or empty when the event has neither (no later report can be matched to it)
     * @param epochDay the event's day (UTC) as days since 1970-01-01
     * @param id       the first report's event id
     */
    record OfEvent(String dyad, String type, String match, long epochDay, String id) implements StateKey {
        public OfEvent {
            Objects.requireNonNull(dyad, "dyad");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(id, "id");
        }

        /** The event's day. */
        LocalDate day() {
            return LocalDate.ofEpochDay(epochDay);
        }
    }

    /** A step of a dyad's assessment waiting to be published, by sequence number. */
    record OfStep(String dyad, long sequence) implements StateKey {
        public OfStep {
            Objects.requireNonNull(dyad, "dyad");
        }
    }

    /** Serdes of each key type. */
    final class KeySerdes {
        static final Serde<OfPeriod> PERIOD = serde(
                (k, b) -> b.number(k.period().unit().ordinal()).number(k.period().index()),
                (d, r) -> new OfPeriod(d, new Period(PeriodUnit.values()[(int) r.number()], (int) r.number())));
        static final Serde<OfReport> REPORT = serde((k, b) -> b.text(k.eventId()),
                (d, r) -> new OfReport(d, r.rest()));
        static final Serde<OfEvent> EVENT = serde(
                (k, b) -> b.text(k.type()).zero().text(k.match()).zero().number(k.epochDay()).text(k.id()),
                (d, r) -> new OfEvent(d, r.untilZero(), r.untilZero(), r.number(), r.rest()));
        static final Serde<OfStep> STEP = serde((k, b) -> b.number(k.sequence()), (d, r) -> new OfStep(d, r.number()));

        private KeySerdes() {
        }
    }

    /** First and last keys of one dyad's events of one type and match key between two days, inclusive. */
    static OfEvent[] eventRange(String dyad, String type, String match, LocalDate from, LocalDate to) {
        return new OfEvent[] {new OfEvent(dyad, type, match, from.toEpochDay(), ""),
                new OfEvent(dyad, type, match, to.toEpochDay(), "\uffff")};
    }

    // ---- encoding ----

    /** Writes a key after its dyad. */
    @FunctionalInterface
    interface Encoder<K> {
        void encode(K key, KeyWriter bytes);
    }

    /** Reads a key after its dyad. */
    @FunctionalInterface
    interface Decoder<K> {
        K decode(String dyad, Reader reader);
    }

    private static <K extends StateKey> Serde<K> serde(Encoder<K> encoder, Decoder<K> decoder) {
        Serializer<K> serializer = (topic, key) -> {
            if (key == null) {
                return null;
            }
            KeyWriter bytes = new KeyWriter().text(key.dyad()).zero();
            encoder.encode(key, bytes);
            return bytes.toArray();
        };
        Deserializer<K> deserializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            Reader reader = new Reader(data);
            return decoder.decode(reader.untilZero(), reader);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    /** A growing key. */
    final class KeyWriter {
        private ByteBuffer buffer = ByteBuffer.allocate(64);

        KeyWriter text(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            ensure(utf8.length);
            buffer.put(utf8);
            return this;
        }

        KeyWriter zero() {
            ensure(1);
            buffer.put((byte) 0);
            return this;
        }

        KeyWriter number(long value) {
            ensure(8);
            buffer.putLong(value ^ Long.MIN_VALUE);
            return this;
        }

        byte[] toArray() {
            byte[] out = new byte[buffer.position()];
            buffer.flip();
            buffer.get(out);
            return out;
        }

        private void ensure(int more) {
            if (buffer.remaining() < more) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }
    }

    /** Reads a key's parts in order. */
    final class Reader {
        private final byte[] data;
        private int at;

        Reader(byte[] data) {
            this.data = data;
        }

        String untilZero() {
            int start = at;
            while (at < data.length && data[at] != 0) {
                at++;
            }
            if (at >= data.length) {
                throw new SerializationException("corrupt state key: no separator");
            }
            String text = new String(data, start, at - start, StandardCharsets.UTF_8);
            at++;
            return text;
        }

        long number() {
            if (at + 8 > data.length) {
                throw new SerializationException("corrupt state key: truncated number");
            }
            long value = ByteBuffer.wrap(data, at, 8).getLong() ^ Long.MIN_VALUE;
            at += 8;
            return value;
        }

        String rest() {
            String text = new String(data, at, data.length - at, StandardCharsets.UTF_8);
            at = data.length;
            return text;
        }
    }
}
