package io.dyadwatch.streams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary serde for the topology's internal state records (stores and their changelogs, never a public
 * topic). Kafka Streams serialises a value on every store put, so this runs once per store write per event; JSON
 * through Jackson was the largest cost left per event once assessments were coalesced (JDK Flight Recorder, see
 * docs/performance.md).
 *
 * <p>Written by hand rather than with a serialisation library: the records are a few private, fixed shapes of
 * strings, numbers, lists and maps; Avro or Protocol Buffers would add a schema compiler to the build for them,
 * and Kryo registration of classes and record constructors by reflection. The format is {@link #VERSION}
 * then the fields in declaration order through {@link Out}.
 *
 * @param <T> the record type
 */
final class StateSerde<T> implements Serde<T> {

    /**
     * Format version byte written first. Version 2 came with the analyst's new stores (other names, other
     * shapes); version 3 with evidence channels and coverage chosen apart from the reports (a tally's uncovered
     * events, a dyad's channels). Older state is not read: the default application id changed with each version,
     * so an upgrade replays the events topic (docs/operations.md).
     */
    static final byte VERSION = 3;

    /** Writes one value's fields. */
    @FunctionalInterface
    interface Writer<T> {
        void write(T value, Out out) throws IOException;
    }

    /** Reads one value's fields, in the order written. */
    @FunctionalInterface
    interface Reader<T> {
        T read(In in) throws IOException;
    }

    private final Class<T> type;
    private final Writer<T> writer;
    private final Reader<T> reader;

    StateSerde(Class<T> type, Writer<T> writer, Reader<T> reader) {
        this.type = type;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : toBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            return fromBytes(bytes);
        };
    }

    byte[] toBytes(T value) {
        Out out = new Out();
        try {
            out.writeByte(VERSION);
            writer.write(value, out);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName(), e);
        }
        return out.toByteArray();
    }

    T fromBytes(byte[] bytes) {
        try {
            In in = new In(bytes);
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("cannot read " + type.getSimpleName() + ": unknown format version "
                        + version + " (this version reads " + VERSION + ")");
            }
            return reader.read(in);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException s) {
                throw s;
            }
            throw new SerializationException("cannot read " + type.getSimpleName() + ": truncated or corrupt", e);
        }
    }

    /**
     * Output with nullable strings, instants and lists, into a growing array (big-endian numbers, as
     * {@link java.io.DataOutput}, without its per-byte stream calls: this runs on every store write).
     */
    static final class Out {
        private byte[] buffer = new byte[128];
        private int size;

        void writeByte(int value) {
            ensure(1);
            buffer[size++] = (byte) value;
        }

        void writeInt(int value) {
            ensure(4);
            buffer[size++] = (byte) (value >>> 24);
            buffer[size++] = (byte) (value >>> 16);
            buffer[size++] = (byte) (value >>> 8);
            buffer[size++] = (byte) value;
        }

        void writeLong(long value) {
            writeInt((int) (value >>> 32));
            writeInt((int) value);
        }

        void writeDouble(double value) {
            writeLong(Double.doubleToRawLongBits(value));
        }

        /** A string of any length, or null: its UTF-8 length (-1 for null), then its bytes. */
        void string(String value) {
            if (value == null) {
                writeInt(-1);
                return;
            }
            int length = value.length();
            boolean ascii = true;
            for (int i = 0; i < length && ascii; i++) {
                ascii = value.charAt(i) < 0x80;
            }
            if (ascii) { // the common case, written without an intermediate array
                writeInt(length);
                ensure(length);
                for (int i = 0; i < length; i++) {
                    buffer[size++] = (byte) value.charAt(i);
                }
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buffer, size, utf8.length);
            size += utf8.length;
        }

        void instant(Instant value) {
            writeLong(value.getEpochSecond());
            writeInt(value.getNano());
        }

        void strings(List<String> values) {
            writeInt(values.size());
            for (String v : values) {
                string(v);
            }
        }

        <E> void list(List<E> values, Writer<E> element) throws IOException {
            writeInt(values.size());
            for (E v : values) {
                element.write(v, this);
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }

    /** Input matching {@link Out}; throws {@link IOException} when the bytes end early. */
    static final class In {
        private final byte[] data;
        private int at;

        In(byte[] data) {
            this.data = data;
        }

        byte readByte() throws IOException {
            need(1);
            return data[at++];
        }

        int readInt() throws IOException {
            need(4);
            int value = ((data[at] & 0xff) << 24) | ((data[at + 1] & 0xff) << 16) | ((data[at + 2] & 0xff) << 8)
                    | (data[at + 3] & 0xff);
            at += 4;
            return value;
        }

        long readLong() throws IOException {
            return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
        }

        double readDouble() throws IOException {
            return Double.longBitsToDouble(readLong());
        }

        String string() throws IOException {
            int length = readInt();
            if (length < 0) {
                return null;
            }
            need(length);
            String text = new String(data, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        Instant instant() throws IOException {
            return Instant.ofEpochSecond(readLong(), readInt());
        }

        List<String> strings() throws IOException {
            return list(In::string);
        }

        <E> List<E> list(Reader<E> element) throws IOException {
            int n = readInt();
            if (n < 0 || n > data.length - at) {
                throw new IOException("corrupt size " + n);
            }
            List<E> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(element.read(this));
            }
            return list;
        }

        private void need(int bytes) throws IOException {
            if (bytes < 0 || at + bytes > data.length) {
                throw new IOException("truncated: " + bytes + " more bytes needed at " + at + " of " + data.length);
            }
        }
    }
}
