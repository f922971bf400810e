package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.bench.Benchmark;
import io.dyadwatch.app.bench.BenchmarkResult;
import io.dyadwatch.app.bench.SyntheticEvents;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The benchmark still works end to end: a tiny run, no speed target (speed targets live in docs/performance.md). */
class BenchmarkSmokeIT {

    @Test
    void shouldMeasureBothApplicationsAndTheEventToAlertLatency() throws Exception {
        StringWriter log = new StringWriter();

        BenchmarkResult result = new Benchmark(2_000, 500, 1_000, 3, io.dyadwatch.app.bench.SyntheticEvents.Order.RANDOM,
                new PrintWriter(log, true)).run();

        assertThat(result.events()).isEqualTo(2_000);
        assertThat(result.baselineRate()).isPositive();
        assertThat(result.pipelineRate()).isPositive();
        assertThat(result.ratio()).isCloseTo(result.pipelineRate() / result.baselineRate(),
                org.assertj.core.data.Offset.offset(1e-9));
        // 3,000 events at 1,000/s carry a probe every 100th, each a signature alert whose latency is measured
        assertThat(SyntheticEvents.probeSpacing(3_000)).isEqualTo(100);
        assertThat(result.latencySamples()).isEqualTo(30);
        assertThat(result.latencyP50Ms()).isPositive().isLessThanOrEqualTo(result.latencyP99Ms());
        assertThat(result.steadySamples()).isPositive().isLessThan(result.latencySamples());
        assertThat(result.peakHeapBytes()).isPositive();
        assertThat(result.retainedHeapBytes()).isPositive().isLessThan(Runtime.getRuntime().maxMemory());
        assertThat(result.table()).contains("records/s", "p99");
        assertThat(log.toString()).contains("warm-up: 500 events");
    }
}
