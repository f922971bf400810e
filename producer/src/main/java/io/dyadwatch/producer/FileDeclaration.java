package io.dyadwatch.producer;

import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.RecordSpan;
import io.dyadwatch.model.event.RejectReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What one JSON-lines record file declares for its events: the days they cover and, optionally, their evidence
 * channel. The file states them on its first line ({@link RecordSpan}); an explicit declaration for the file (such as
 * {@code publish --covers} or {@code backtest --covers}) wins over the line's coverage. Every reader of record files
 * (publish, the demo, the backtest) reads a file's first line here, so a file declares the same whichever path reads
 * it. The declared coverage applies to the channel of the events it is sent with ({@link Coverage#HEADER} on each
 * record); a file that declares nothing sends none, and the monitor then assumes its channel's coverage from first
 * receipt.
 *
 * <p>Immutable.
 */
public final class FileDeclaration {

    /** Longest first line read when looking for a span line: a span line is a few dozen bytes. */
    private static final int MAX_SPAN_LINE_BYTES = 4096;

    /** Where a file's coverage came from. */
    public enum Origin {
        /** Nothing declared: the monitor assumes the channel's coverage from first receipt. */
        NONE,
        /** The file's own first line. */
        SPAN_LINE,
        /** An explicit declaration for the file (a command-line flag), which wins over its span line. */
        EXPLICIT
    }

    private final Coverage coverage;
    private final Origin origin;
    private final String channel;
    private final boolean spanLine;
    private final EventContract contract;

    private FileDeclaration(Coverage coverage, Origin origin, String channel, boolean spanLine, EventContract contract) {
        this.coverage = coverage;
        this.origin = origin;
        this.channel = channel;
        this.spanLine = spanLine;
        this.contract = channel == null ? contract : contract.withDefaultChannel(channel);
    }

    /**
     * Reads what a file declares from its first line.
     *
     * @param input     the file's name in messages
     * @param firstLine the bytes of its first line without the line end, or null for an empty file
     * @param explicit  the coverage declared for the file on the command line, or null
     * @param contract  the event contract its lines are checked against
     * @throws IllegalArgumentException {@code input:1: reason} when the first line is a span line that is malformed
     */
    public static FileDeclaration read(String input, byte[] firstLine, Coverage explicit, EventContract contract) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(contract, "contract");
        Optional<RecordSpan> span = spanOf(input, firstLine);
        if (span.isEmpty()) {
            return new FileDeclaration(explicit, explicit == null ? Origin.NONE : Origin.EXPLICIT, null, false, contract);
        }
        return explicit == null
                ? new FileDeclaration(span.get().covers(), Origin.SPAN_LINE, span.get().channel(), true, contract)
                : new FileDeclaration(explicit, Origin.EXPLICIT, span.get().channel(), true, contract);
    }

    /**
     * Reads what a file on disk declares, without consuming anything else: lets a command refuse a malformed span
     * line before it sends a single event.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException {@code file:1: reason} when its span line is malformed
     */
    public static FileDeclaration read(Path file, Coverage explicit, EventContract contract) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), firstLine(in), explicit, contract);
        }
    }

    /**
     * The first line of a stream, up to {@value #MAX_SPAN_LINE_BYTES} bytes, without its line end; null when the
     * stream is empty. Consumes the stream up to that line's end or the limit.
     */
    public static byte[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        boolean any = false;
        while (line.size() < MAX_SPAN_LINE_BYTES && (b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        if (!any) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return Arrays.copyOf(bytes, end);
    }

    private static Optional<RecordSpan> spanOf(String input, byte[] line) {
        if (line == null || line.length >= MAX_SPAN_LINE_BYTES) {
            return Optional.empty();
        }
        try {
            return RecordSpan.parse(new String(line, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage().startsWith("the record's span line") ? e.getMessage()
                    : "the record's span line: " + e.getMessage();
            throw new IllegalArgumentException(input + ":1: " + reason, e);
        }
    }

    /**
     * Checks one line of the file (not its span line) against the contract: an event that names no channel gets the
     * span line's, and one that names another is refused ({@code INVALID_CHANNEL}); a span line anywhere but on
     * the first line is refused with that reason rather than as an event without an id.
     */
    public ContractResult check(byte[] line) {
        ContractResult result = contract.check(line);
        if (result instanceof ContractResult.Accepted accepted) {
            Event event = accepted.event();
            if (channel != null && !channel.equals(event.channel())) {
                return ContractResult.reject(RejectReason.INVALID_CHANNEL, "the event names channel '" + event.channel()
                        + "' but the file's span line says its events are '" + channel + "'");
            }
            return result;
        }
        if (isSpanLine(line)) {
            return ContractResult.reject(RejectReason.INVALID_VALUE,
                    "a span line ({\"covers\":\"FROM..TO\"}) is read only as a file's first line");
        }
        return result;
    }

    private static boolean isSpanLine(byte[] line) {
        if (line.length >= MAX_SPAN_LINE_BYTES) {
            return false;
        }
        try {
            return RecordSpan.parse(new String(line, StandardCharsets.UTF_8)).isPresent();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** The days the file's events cover, or null when nothing is declared. */
    public Coverage coverage() {
        return coverage;
    }

    /** Where {@link #coverage()} came from. */
    public Origin origin() {
        return origin;
    }

    /** The channel the span line names for every event, or null when it names none. */
    public String channel() {
        return channel;
    }

    /** Whether the file's first line was its span line (then it is no event, and is not published). */
    public boolean hasSpanLine() {
        return spanLine;
    }

    /** One phrase for reports: {@code covers 2016-01-01..2025-12-31 (its span line)}, or that nothing is declared. */
    public String describe() {
        return switch (origin) {
            case NONE -> "no declared coverage (assumed from first receipt)";
            case SPAN_LINE -> "covers " + coverage + " (its span line)";
            case EXPLICIT -> "covers " + coverage + " (--covers)";
        };
    }
}
