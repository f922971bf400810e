package io.dyadwatch.streams;

import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.topic.DeadLetterHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The topology's entrance: checks each record against the event contract (other clients write to the input
 * topic too), dead-letters refused records with their original bytes and reason headers, and passes each valid
 * event on to its dyad. DyadWatch's producers fan an event out themselves, one record per watched dyad or group it
 * contains, keyed by that dyad, so each dyad's partition sees the reports in the order they were sent; a record
 * keyed otherwise (a foreign client) is re-keyed here to every watched dyad it contains, through a repartition
 * topic, and counted as re-keyed. Every record read is counted as accepted or dead-lettered; a valid event that
 * concerns no watched dyad is counted as unwatched.
 */
final class EntranceProcessor implements Processor<String, byte[], String, Routed> {

    private final EventContract contract;
    private final List<Dyad> watched;
    private final PipelineMeters meters;
    private ProcessorContext<String, Routed> context;

    EntranceProcessor(EventContract contract, List<Dyad> watched, MeterRegistry registry) {
        this.contract = contract;
        this.watched = watched;
        this.meters = new PipelineMeters(registry);
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        meters.received();
        ContractResult result = checkCoverage(record);
        if (result == null) {
            result = contract.check(record.value());
        }
        if (result instanceof ContractResult.Rejected rejected) {
            meters.deadLettered(rejected.rejection().reason());
            Headers headers = new RecordHeaders(record.headers().toArray());
            headers.add(DeadLetterHeaders.REASON, bytes(rejected.rejection().reason().name()));
            headers.add(DeadLetterHeaders.MESSAGE, bytes(rejected.rejection().message()));
            RecordMetadata metadata = context.recordMetadata().orElse(null);
            if (metadata != null) {
                headers.add(DeadLetterHeaders.SOURCE_TOPIC, bytes(metadata.topic()));
                headers.add(DeadLetterHeaders.SOURCE_PARTITION, bytes(String.valueOf(metadata.partition())));
                headers.add(DeadLetterHeaders.SOURCE_OFFSET, bytes(String.valueOf(metadata.offset())));
            }
            context.forward(new Record<String, Routed>(record.key(),
                    new Routed.DeadLetter(record.value(), rejected.rejection()), record.timestamp(), headers));
            return;
        }
        Event event = ((ContractResult.Accepted) result).event();
        meters.accepted(event.type());
        Dyad keyed = watchedDyadOf(record.key(), event);
        if (keyed != null) {
            // our producers send one record per watched dyad of the event, keyed by it: no repartition
            // headers travel on: the coverage a batch declared reaches the analyst with each of its records
            context.forward(new Record<String, Routed>(keyed.key(), new Routed.ForDyad(event, true), record.timestamp(),
                    record.headers()));
            return;
        }
        boolean any = false;
        for (Dyad dyad : watched) {
            if (dyad.isContainedIn(event.actors())) {
                any = true;
                context.forward(new Record<String, Routed>(dyad.key(), new Routed.ForDyad(event, false),
                        record.timestamp(), record.headers()));
            }
        }
        if (any) {
            meters.rekeyed();
        } else {
            meters.unwatched();
        }
    }

    /** The watched dyad the record is keyed by, when the event concerns it; null otherwise (a foreign key). */
    private Dyad watchedDyadOf(String key, Event event) {
        if (key == null) {
            return null;
        }
        for (Dyad dyad : watched) {
            if (dyad.key().equals(key)) {
                return dyad.isContainedIn(event.actors()) ? dyad : null;
            }
        }
        return null;
    }

    /** A refusal when the record's coverage header is not a coverage; null when it is, or there is none. */
    private static ContractResult checkCoverage(Record<String, byte[]> record) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(io.dyadwatch.model.event.Coverage.HEADER);
        if (header == null) {
            return null;
        }
        String text = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        try {
            io.dyadwatch.model.event.Coverage.parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return new ContractResult.Rejected(new io.dyadwatch.model.event.Rejection(
                    io.dyadwatch.model.event.RejectReason.INVALID_COVERAGE, "header " + io.dyadwatch.model.event.Coverage.HEADER
                    + ": " + e.getMessage()));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
