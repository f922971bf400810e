package io.dyadwatch.producer;

import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.EventJson;
import io.dyadwatch.model.event.RecordSpan;
import io.dyadwatch.model.event.Rejection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Where importers and the simulator put their events: each is checked against the event contract (the same
 * check the topology makes) and then either published or written as a JSON line. Publishing keeps a bounded
 * number of sends in flight, so memory does not grow with the input.
 */
public final class CheckedEventSink implements Consumer<Event> {

    private static final int MAX_IN_FLIGHT = 10_000;

    private final EventContract contract;
    private final EventPublisher publisher;
    private final PrintWriter lines;
    private final Coverage coverage;
    private final Deque<Future<RecordMetadata>> inFlight = new ArrayDeque<>();
    private final List<String> refused = new ArrayList<>();
    private long written;
    private PublishException failure;

    private CheckedEventSink(EventContract contract, EventPublisher publisher, PrintWriter lines, Coverage coverage) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.publisher = publisher;
        this.lines = lines;
        this.coverage = coverage;
    }

    /** A sink that publishes to Kafka, declaring nothing (the channel's coverage is assumed from first receipt). */
    public static CheckedEventSink publishing(EventContract contract, EventPublisher publisher) {
        return publishing(contract, publisher, null);
    }

    /**
     * A sink that publishes to Kafka, declaring on every record ({@link Coverage#HEADER}) the days the events cover,
     * or nothing when null.
     */
    public static CheckedEventSink publishing(EventContract contract, EventPublisher publisher, Coverage coverage) {
        return new CheckedEventSink(contract, Objects.requireNonNull(publisher, "publisher"), null, coverage);
    }

    /** A sink that writes JSON lines (for files, pipes and backtests), with no span line. */
    public static CheckedEventSink writing(EventContract contract, PrintWriter lines) {
        return writing(contract, lines, null);
    }

    /**
     * A sink that writes JSON lines, first the span line ({@link RecordSpan#line()}) that declares the days they
     * cover when that is not null, so that whoever reads the file reads the same coverage.
     */
    public static CheckedEventSink writing(EventContract contract, PrintWriter lines, Coverage coverage) {
        CheckedEventSink sink = new CheckedEventSink(contract, null, Objects.requireNonNull(lines, "lines"), coverage);
        if (coverage != null) {
            lines.println(new RecordSpan(coverage, null).line());
        }
        return sink;
    }

    @Override
    public void accept(Event event) {
        accept(event, Map.of());
    }

    /**
     * As {@link #accept(Event)}, published with extra record headers (a revision's).
     *
     * @return true when the contract accepted it (it is published or written), false when refused
     */
    public boolean accept(Event event, Map<String, byte[]> headers) {
        byte[] bytes = EventJson.toBytes(event);
        ContractResult result = contract.check(bytes);
        if (result instanceof ContractResult.Rejected rejected) {
            Rejection r = rejected.rejection();
            refused.add(event.id() + ": " + r.reason() + ": " + r.message());
            return false;
        }
        if (lines != null) {
            lines.println(EventJson.toJson(event));
            written++;
            return true;
        }
        if (failure != null) {
            return true;
        }
        inFlight.add(publisher.send(event, coverage, headers));
        if (inFlight.size() >= MAX_IN_FLIGHT) {
            awaitOldest();
        }
        return true;
    }

    /**
     * Waits for every send (or flushes the writer).
     *
     * @return events published or written
     * @throws PublishException when the broker did not take an event
     */
    public long finish() throws PublishException {
        if (lines != null) {
            lines.flush();
            return written;
        }
        publisher.flush();
        while (!inFlight.isEmpty() && failure == null) {
            awaitOldest();
        }
        if (failure != null) {
            throw failure;
        }
        return written;
    }

    /** Events the contract refused, as "id: REASON: message". */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private void awaitOldest() {
        try {
            EventPublisher.await(inFlight.poll(), Duration.ofSeconds(60));
            written++;
        } catch (PublishException e) {
            failure = e;
        }
    }
}
