package io.dyadwatch.app.bench;

/**
 * One benchmark run's figures.
 *
 * @param events              events in the throughput phase
 * @param warmup              events both applications processed first, unmeasured
 * @param order               how the events' times follow each other: time or random
 * @param baselineSeconds     time the bare Kafka Streams application took to read and count them
 * @param baselineRate        its records per second
 * @param pipelineSeconds     time the full pipeline (topology and alert rules) took
 * @param pipelineRate        its records per second
 * @param ratio               pipelineRate / baselineRate
 * @param latencyRate         input rate of the latency phase, events per second
 * @param latencySamples      alerts whose event-to-alert latency was measured
 * @param latencyP50Ms        median event-to-alert latency
 * @param latencyP99Ms        99th percentile
 * @param latencyMaxMs        largest
 * @param steadyAfterMs       probes sent this long after the latency phase began count as steady state
 * @param steadySamples       steady-state probes
 * @param steadyP50Ms         steady-state median latency
 * @param steadyP99Ms         steady-state 99th percentile
 * @param peakHeapBytes       largest heap in use seen during the run (garbage included)
 * @param retainedHeapBytes   heap in use after a full collection once the full pipeline had processed every event
 *                            of the throughput phase, still running (broker, both applications, their state)
 * @param processors          available processors
 * @param javaVersion         the JVM
 */
public record BenchmarkResult(long events, long warmup, String order, double baselineSeconds, double baselineRate,
        double pipelineSeconds, double pipelineRate, double ratio, int latencyRate, int latencySamples,
        long latencyP50Ms, long latencyP99Ms, long latencyMaxMs, long steadyAfterMs, int steadySamples,
        long steadyP50Ms, long steadyP99Ms, long peakHeapBytes, long retainedHeapBytes, int processors,
        String javaVersion) {

    /** A readable table. */
    public String table() {
        return String.format(java.util.Locale.ROOT, """
                DyadWatch benchmark (%d processors, Java %s)
                  throughput, %,d events in %s order after a warm-up of %,d (same JSON, same broker, exactly_once_v2):
                    baseline (parse + windowed count)   %8.1f s  %,10.0f records/s
                    full pipeline (topology + alerts)   %8.1f s  %,10.0f records/s
                    ratio pipeline / baseline           %8.2fx
                  event-to-alert latency at %,d events/s:
                    all %d alerts:                  p50 %d ms, p99 %d ms, max %d ms
                    steady state (%d alerts, after %.0f s): p50 %d ms, p99 %d ms
                  heap: peak in use %,d MiB; retained after the throughput phase (full collection): %,d MiB
                """, processors, javaVersion, events, order, warmup, baselineSeconds, baselineRate, pipelineSeconds,
                pipelineRate, ratio, latencyRate, latencySamples, latencyP50Ms, latencyP99Ms, latencyMaxMs,
                steadySamples, steadyAfterMs / 1000.0, steadyP50Ms, steadyP99Ms, peakHeapBytes / (1024 * 1024),
                retainedHeapBytes / (1024 * 1024));
    }
}
