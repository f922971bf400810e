package io.dyadwatch.alerts;

import io.dyadwatch.model.assessment.Scenario;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Scenario probabilities as {@code 8 x scenarios} bytes (a missing scenario as NaN): written on every step, so small
 * and without a parser.
 */
final class ProbabilitiesSerde implements Serde<Map<Scenario, Double>> {

    private static final Scenario[] SCENARIOS = Scenario.values();
    private static final int SIZE = Double.BYTES * SCENARIOS.length;

    @Override
    public Serializer<Map<Scenario, Double>> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteBuffer out = ByteBuffer.allocate(SIZE);
            for (Scenario s : SCENARIOS) {
                Double p = value.get(s);
                out.putDouble(p == null ? Double.NaN : p);
            }
            return out.array();
        };
    }

    @Override
    public Deserializer<Map<Scenario, Double>> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length != SIZE) {
                throw new SerializationException("scenario probabilities of " + bytes.length + " bytes, expected " + SIZE);
            }
            ByteBuffer in = ByteBuffer.wrap(bytes);
            Map<Scenario, Double> probabilities = new EnumMap<>(Scenario.class);
            for (Scenario s : SCENARIOS) {
                double p = in.getDouble();
                if (!Double.isNaN(p)) {
                    probabilities.put(s, p);
                }
            }
            return probabilities;
        };
    }
}
