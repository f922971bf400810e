package io.dyadwatch.app.cli;

import io.dyadwatch.app.bench.Benchmark;
import io.dyadwatch.app.bench.BenchmarkResult;
import io.dyadwatch.model.json.Json;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import io.dyadwatch.app.bench.SyntheticEvents;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dyadwatch bench}: throughput against a bare Kafka Streams baseline, and event-to-alert latency. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure throughput against a bare Kafka Streams baseline, and alert latency.",
        description = {"Measure on an embedded broker: throughput of the full pipeline against a bare Kafka Streams",
                "baseline over the same events, and event-to-alert latency at a fixed input rate. See docs/performance.md."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "100000", description = "Events in the throughput phase (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--warmup", defaultValue = "20000", description = "Events both applications process first, "
            + "not measured, so the JIT compiler has done most of its work (default ${DEFAULT-VALUE}; 0 for none).")
    int warmup;

    @Option(names = "--rate", defaultValue = "1000", description = "Input rate of the latency phase, events/s (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--latency-seconds", defaultValue = "30", description = "Length of the latency phase (default ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--order", defaultValue = "time", description = "Event times of the throughput phase: 'time' "
            + "(advancing: a live feed or a backfill) or 'random' (spread at random over thirty years: every report "
            + "may be late, the worst case for restating later periods). Default ${DEFAULT-VALUE}.")
    String order;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON, for tracking.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (events < 1 || rate < 1 || latencySeconds < 1 || warmup < 0) {
            throw new IllegalArgumentException(
                    "--events, --rate and --latency-seconds must be positive, --warmup zero or more");
        }
        SyntheticEvents.Order eventOrder = switch (order.toLowerCase(java.util.Locale.ROOT)) {
            case "time" -> SyntheticEvents.Order.TIME;
            case "random" -> SyntheticEvents.Order.RANDOM;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--order must be 'time' or 'random', got '" + order + "'");
        };
        BenchmarkResult result = new Benchmark(events, warmup, rate, latencySeconds, eventOrder,
                spec.commandLine().getOut()).run();
        spec.commandLine().getOut().print(result.table());
        if (json != null) {
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), result);
        }
        return 0;
    }
}
