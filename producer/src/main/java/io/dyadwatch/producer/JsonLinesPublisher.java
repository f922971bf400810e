package io.dyadwatch.producer;

import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes a JSON-lines stream of events: checks each line against the event contract, publishes the valid
 * ones, and reports each refused line with its number and reason. Blank lines are skipped, not refused.
 */
public final class JsonLinesPublisher {

    /** Sends in flight before waiting for the oldest: bounds memory on large files. */
    private static final int MAX_IN_FLIGHT = 10_000;

    private final EventContract contract;
    private final EventPublisher publisher;

    public JsonLinesPublisher(EventContract contract, EventPublisher publisher) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * Publishes every valid line of the input.
     *
     * @param name   the input's name in reports (a path, or "-" for standard input)
     * @param reader the lines
     * @return what was published and what was refused
     * @throws IOException      when the input cannot be read
     * @throws PublishException when the broker refuses or does not acknowledge an event
     */
    public PublishReport publish(String name, BufferedReader reader) throws IOException, PublishException {
        List<PublishReport.RefusedLine> refused = new ArrayList<>();
        Deque<Future<RecordMetadata>> inFlight = new ArrayDeque<>();
        long lines = 0;
        long published = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lines++;
            if (line.isBlank()) {
                continue;
            }
            ContractResult result = contract.check(line);
            if (result instanceof ContractResult.Rejected rejected) {
                refused.add(new PublishReport.RefusedLine(name, lines, rejected.rejection()));
                continue;
            }
            inFlight.add(publisher.send(((ContractResult.Accepted) result).event()));
            if (inFlight.size() >= MAX_IN_FLIGHT) {
                EventPublisher.await(inFlight.poll(), Duration.ofSeconds(60));
                published++;
            }
        }
        publisher.flush();
        while (!inFlight.isEmpty()) {
            EventPublisher.await(inFlight.poll(), Duration.ofSeconds(60));
            published++;
        }
        return new PublishReport(name, lines, published, refused);
    }

    /** A refused line as a report line: {@code file:12: MISSING_FIELD: required field 'id' is missing}. */
    public static String describe(PublishReport.RefusedLine line) {
        Rejection r = line.rejection();
        return line.input() + ":" + line.lineNumber() + ": " + r.reason() + ": " + r.message();
    }
}
