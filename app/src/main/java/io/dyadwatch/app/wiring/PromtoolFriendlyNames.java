package io.dyadwatch.app.wiring;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Renames library meters that break Prometheus naming conventions, so {@code promtool check metrics} passes on
 * our endpoint: abbreviated units in names ({@code kafka_consumer_io_time_ns_total} becomes
 * {@code ..._io_time_nanoseconds_total}), a {@code _count} suffix on gauges ({@code system_cpu_count} becomes
 * {@code system_cpus}), and meters without help text get one. Our own meters already follow the conventions.
 */
final class PromtoolFriendlyNames implements MeterFilter {

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = Arrays.stream(id.getName().split("\\."))
                .map(part -> switch (part) {
                    case "ns" -> "nanoseconds";
                    case "ms" -> "milliseconds";
                    default -> part;
                })
                .collect(Collectors.joining("."));
        if (id.getType() == Meter.Type.GAUGE && name.endsWith(".count")) {
            name = name.substring(0, name.length() - ".count".length()) + "s";
        }
        String unit = id.getBaseUnit();
        if ("ns".equals(unit)) {
            unit = "nanoseconds";
        } else if ("ms".equals(unit)) {
            unit = "milliseconds";
        }
        String description = id.getDescription() == null || id.getDescription().isBlank()
                ? "Kafka client metric " + id.getName()
                : id.getDescription();
        if (name.equals(id.getName()) && java.util.Objects.equals(unit, id.getBaseUnit())
                && description.equals(id.getDescription())) {
            return id;
        }
        return new Meter.Id(name, io.micrometer.core.instrument.Tags.of(id.getTags()), unit, description, id.getType());
    }
}
