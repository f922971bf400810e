package io.dyadwatch.app.wiring;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps {@code promtool check metrics} quiet on our endpoint. Kafka client meters whose names carry abbreviated
 * units ({@code ..._time_ns_total}, {@code ..._start_time_ms}), gauges named {@code ..._count}, or no help text
 * are left out (renaming them instead makes the Kafka binder re-register them on every refresh), and so are meters
 * with a nanosecond or millisecond base unit ({@code process_cpu_time}; {@code process_cpu_usage} stays).
 * {@code system_cpu_count} becomes {@code system_cpus}. Our own meters already follow the conventions.
 */
final class PromtoolFriendlyNames implements MeterFilter {

    private static final List<String> ABBREVIATED = List.of("ns", "ms");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        if (id.getBaseUnit() != null && ABBREVIATED.contains(id.getBaseUnit())) {
            return MeterFilterReply.DENY; // process.cpu.time in ns: process.cpu.usage stays
        }
        if (!id.getName().startsWith("kafka.")) {
            return MeterFilterReply.NEUTRAL;
        }
        boolean abbreviated = Arrays.stream(id.getName().split("\\.")).anyMatch(ABBREVIATED::contains);
        boolean countGauge = id.getType() == Meter.Type.GAUGE && id.getName().endsWith(".count");
        boolean undocumented = id.getDescription() == null || id.getDescription().isBlank();
        return abbreviated || countGauge || undocumented ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        if (id.getName().startsWith("kafka.")) {
            return id;
        }
        String name = id.getName();
        if (id.getType() == Meter.Type.GAUGE && name.endsWith(".count")) {
            name = name.substring(0, name.length() - ".count".length()) + "s";
        }
        if (name.equals(id.getName())) {
            return id;
        }
        return new Meter.Id(name, Tags.of(id.getTags()), id.getBaseUnit(), id.getDescription(), id.getType());
    }
}
