package io.dyadwatch.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The benchmark's baseline: a bare Kafka Streams application that reads the same JSON events, parses each once,
 * and counts them per dyad and type in quarterly (91-day) windows by event time. No validation, de-duplication,
 * corroboration, model or alerts: what any Kafka Streams application pays to read and count the stream.
 */
final class BaselineTopology {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BaselineTopology() {
    }

    static Topology build(String inputTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(inputTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(Parse::new)
                .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofDays(91), Duration.ofDays(3650)))
                .count();
        return builder.build();
    }

    /** Parses the JSON once: key dyad|type, timestamp occurredAt. */
    private static final class Parse implements Processor<String, byte[], String, String> {
        private ProcessorContext<String, String> context;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, byte[]> record) {
            try {
                JsonNode node = MAPPER.readTree(record.value());
                List<String> actors = new ArrayList<>();
                node.path("actors").forEach(a -> actors.add(a.asText()));
                actors.sort(null);
                long time = LocalDate.parse(node.path("occurredAt").asText().substring(0, 10))
                        .atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                context.forward(new Record<>(String.join("-", actors) + "|" + node.path("type").asText(),
                        node.path("id").asText(), time));
            } catch (IOException | RuntimeException e) {
                // the baseline counts what parses
            }
        }
    }
}
