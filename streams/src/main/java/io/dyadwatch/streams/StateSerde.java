package io.dyadwatch.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
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
     * shapes); version 1 state is not read: it lives in the old stores, and the upgrade replays the events topic
     * (docs/operations.md).
     */
    static final byte VERSION = 2;

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
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(128);
        try (Out out = new Out(buffer)) {
            out.writeByte(VERSION);
            writer.write(value, out);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName(), e);
        }
        return buffer.toByteArray();
    }

    T fromBytes(byte[] bytes) {
        try (In in = new In(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("cannot read " + type.getSimpleName() + ": unknown format version "
                        + version + " (this version reads " + VERSION + ")");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + ": truncated or corrupt", e);
        }
    }

    /** Output with nullable strings, instants and lists. */
    static final class Out extends DataOutputStream {

        Out(ByteArrayOutputStream buffer) {
            super(buffer);
        }

        /** A string of any length, or null. */
        void string(String value) throws IOException {
            if (value == null) {
                writeInt(-1);
                return;
            }
            byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            writeInt(utf8.length);
            write(utf8);
        }

        void instant(Instant value) throws IOException {
            writeLong(value.getEpochSecond());
            writeInt(value.getNano());
        }

        void strings(List<String> values) throws IOException {
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
    }

    /** Input matching {@link Out}. */
    static final class In extends DataInputStream {

        In(ByteArrayInputStream buffer) {
            super(buffer);
        }

        String string() throws IOException {
            int length = readInt();
            if (length < 0) {
                return null;
            }
            return new String(readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
        }

        Instant instant() throws IOException {
            return Instant.ofEpochSecond(readLong(), readInt());
        }

        List<String> strings() throws IOException {
            return list(In::string);
        }

        <E> List<E> list(Reader<E> element) throws IOException {
            int n = size();
            List<E> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(element.read(this));
            }
            return list;
        }

        private int size() throws IOException {
            int n = readInt();
            if (n < 0 || n > available()) {
                throw new IOException("corrupt size " + n);
            }
            return n;
        }
    }
}
