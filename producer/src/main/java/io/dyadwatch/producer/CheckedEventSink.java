package io.dyadwatch.producer;

import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.EventJson;
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
    private final Deque<Future<RecordMetadata>> inFlight = new ArrayDeque<>();
    private final List<String> refused = new ArrayList<>();
    private long written;
    private PublishException failure;

    private CheckedEventSink(EventContract contract, EventPublisher publisher, PrintWriter lines) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.publisher = publisher;
        this.lines = lines;
    }

    /** A sink that publishes to Kafka. */
    public static CheckedEventSink publishing(EventContract contract, EventPublisher publisher) {
        return new CheckedEventSink(contract, Objects.requireNonNull(publisher, "publisher"), null);
    }

    /** A sink that writes JSON lines (for files, pipes and backtests). */
    public static CheckedEventSink writing(EventContract contract, PrintWriter lines) {
        return new CheckedEventSink(contract, null, Objects.requireNonNull(lines, "lines"));
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
        inFlight.add(publisher.send(event, null, headers));
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
