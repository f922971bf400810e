package io.dyadwatch.producer;

import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.RejectReason;
import io.dyadwatch.model.event.Rejection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes a JSON-lines stream of events: checks each line against the event contract, publishes the valid
 * ones, and reports each refused line with its number and reason. Blank lines are skipped, not refused.
 *
 * <p>Read from bytes ({@link #publish(String, InputStream)}), lines end at {@code \n} (a {@code \r} before
 * it is dropped) and each line's bytes go to the contract as they are, so a line that is not valid UTF-8 is
 * refused as {@code INVALID_UTF8}, exactly as the topology would dead-letter it, rather than silently altered.
 */
public final class JsonLinesPublisher {

    /** Sends in flight before waiting for the oldest: bounds memory on large files. */
    private static final int MAX_IN_FLIGHT = 10_000;
    /** Longest line kept in memory: the largest {@code event.max.bytes} allowed; longer lines are refused. */
    static final int MAX_LINE_BYTES = 16 << 20;

    private final EventContract contract;
    private final EventPublisher publisher;
    private final Coverage explicit;

    /** Publishes files with what each declares on its span line, or nothing. */
    public JsonLinesPublisher(EventContract contract, EventPublisher publisher) {
        this(contract, publisher, null);
    }

    /**
     * @param explicit the days every published file covers (their collection: absence counts for these days),
     *                 winning over a file's own span line; or null, for what each file's span line declares (a
     *                 file without one declares nothing, and the monitor assumes its channel's coverage from first
     *                 receipt)
     */
    public JsonLinesPublisher(EventContract contract, EventPublisher publisher, Coverage explicit) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.explicit = explicit;
    }

    /**
     * Publishes every valid line of the input, read as bytes: each line is checked as the topology checks a
     * record, so invalid UTF-8 is refused with its line number instead of being replaced. A first line that states
     * the input's span ({@link FileDeclaration}) is no event: it declares the coverage (unless the publisher was
     * given one) and the channel of the events that follow.
     *
     * @param name the input's name in reports (a path, or "-" for standard input)
     * @param in   the bytes; not closed
     * @return what was published and what was refused
     * @throws IOException      when the input cannot be read
     * @throws PublishException when the broker refuses or does not acknowledge an event
     * @throws IllegalArgumentException {@code name:1: reason} when the first line is a malformed span line (nothing
     *                                  is published then)
     */
    public PublishReport publish(String name, InputStream in) throws IOException, PublishException {
        Batch batch = new Batch(name);
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        byte[] buffer = new byte[1 << 16];
        long length = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    length += append(line, length, buffer, start, i - start);
                    batch.lines++;
                    checkLine(batch, line, length);
                    line.reset();
                    length = 0;
                    start = i + 1;
                }
            }
            length += append(line, length, buffer, start, n - start);
        }
        if (length > 0) {
            batch.lines++;
            checkLine(batch, line, length);
        }
        return batch.finish();
    }

    /** Keeps at most {@link #MAX_LINE_BYTES} of a line; returns how many bytes the line grew by. */
    private static int append(ByteArrayOutputStream line, long length, byte[] buffer, int from, int count) {
        long room = MAX_LINE_BYTES + 1L - length;
        if (room > 0) {
            line.write(buffer, from, (int) Math.min(room, count));
        }
        return count;
    }

    private void checkLine(Batch batch, ByteArrayOutputStream line, long length) throws PublishException {
        if (length > MAX_LINE_BYTES) {
            batch.offer(ContractResult.reject(RejectReason.OVERSIZED, "the line is " + length
                    + " bytes, more than any event may be (" + MAX_LINE_BYTES + " bytes)"));
            return;
        }
        byte[] bytes = line.toByteArray();
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        byte[] content = end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
        if (batch.lines == 1) {
            batch.declaration = FileDeclaration.read(batch.name, content, explicit, contract);
            if (batch.declaration.hasSpanLine()) {
                return;
            }
        }
        if (isBlank(bytes, end)) {
            return;
        }
        batch.offer(batch.declaration.check(content));
    }

    private static boolean isBlank(byte[] bytes, int end) {
        for (int i = 0; i < end; i++) {
            byte c = bytes[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != 0x0B && c != '\f') {
                return false;
            }
        }
        return true;
    }

    /** One input's progress: lines read, sends in flight, refusals. */
    private final class Batch {
        private final String name;
        private final List<PublishReport.RefusedLine> refused = new ArrayList<>();
        private final Deque<Future<RecordMetadata>> inFlight = new ArrayDeque<>();
        private long lines;
        private long published;
        private FileDeclaration declaration;

        Batch(String name) {
            this.name = name;
            this.declaration = FileDeclaration.read(name, null, explicit, contract);
        }

        void offer(ContractResult result) throws PublishException {
            if (result instanceof ContractResult.Rejected rejected) {
                refused.add(new PublishReport.RefusedLine(name, lines, rejected.rejection()));
                return;
            }
            inFlight.add(publisher.send(((ContractResult.Accepted) result).event(), declaration.coverage()));
            if (inFlight.size() >= MAX_IN_FLIGHT) {
                EventPublisher.await(inFlight.poll(), Duration.ofSeconds(60));
                published++;
            }
        }

        PublishReport finish() throws PublishException {
            publisher.flush();
            while (!inFlight.isEmpty()) {
                EventPublisher.await(inFlight.poll(), Duration.ofSeconds(60));
                published++;
            }
            return new PublishReport(name, lines, published, refused, declaration);
        }
    }

    /** A refused line as a report line: {@code file:12: MISSING_FIELD: required field 'id' is missing}. */
    public static String describe(PublishReport.RefusedLine line) {
        Rejection r = line.rejection();
        return line.input() + ":" + line.lineNumber() + ": " + r.reason() + ": " + r.message();
    }
}
