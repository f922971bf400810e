package io.dyadwatch.app.bench;

import io.dyadwatch.app.broker.EmbeddedBroker;
import io.dyadwatch.app.wiring.ProcessingProgress;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.StreamsService;
import io.dyadwatch.app.wiring.TopicAdmin;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.json.JsonSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Measures DyadWatch on an embedded broker, in one run: the throughput of a bare Kafka Streams baseline and of
 * the full pipeline over the same events, then the event-to-alert latency of the full pipeline at a fixed input
 * rate, from the input record's timestamp to the alert's arrival at a downstream read_committed consumer.
 */
public final class Benchmark {

    /**
     * Probes sent in the latency phase's first seconds (at most a third of it) are left out of its steady-state
     * figures: they meet the applications' first transactions and the brokers' first writes to new partitions.
     */
    static final long STEADY_AFTER_MS = 5_000;

    private final int events;
    private final int warmup;
    private final int rate;
    private final int latencySeconds;
    private final SyntheticEvents.Order order;
    private final PrintWriter out;

    /**
     * @param events         events in the throughput phase
     * @param warmup         events both applications process first, unmeasured, so the JIT compiler has done most
     *                       of its work before the clock starts (0 for none)
     * @param rate           input rate of the latency phase
     * @param latencySeconds length of the latency phase
     * @param order          how event times follow each other in the warm-up and throughput phases
     * @param out            where progress goes
     */
    public Benchmark(int events, int warmup, int rate, int latencySeconds, SyntheticEvents.Order order,
            PrintWriter out) {
        this.order = order;
        this.events = events;
        this.warmup = warmup;
        this.rate = rate;
        this.latencySeconds = latencySeconds;
        this.out = out;
    }

    public BenchmarkResult run() throws Exception {
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = heapSampler(peakHeap);
        Path state = Files.createTempDirectory("dyadwatch-bench-");
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, null)) {
            if (warmup > 0) {
                Settings warm = settings(broker, "bench-warm.", state.resolve("w"));
                TopicAdmin.ensureTopics(warm.common(), Map.of());
                say("warm-up: %,d events through both applications, not measured...", warmup);
                produce(broker, "bench-warm.events", SyntheticEvents.stream(warmup, 41, SyntheticEvents.PROBE_EVERY, order), 0,
                        new ConcurrentHashMap<>());
                baseline(broker, state.resolve("warm-baseline"), "bench-warm.events");
                pipeline(broker, warm, null);
            }
            Settings throughput = settings(broker, "bench.", state.resolve("t"));
            TopicAdmin.ensureTopics(throughput.common(), Map.of());
            say("producing %,d events...", events);
            produce(broker, "bench.events", SyntheticEvents.stream(events, 42, SyntheticEvents.PROBE_EVERY, order), 0,
                    new ConcurrentHashMap<>());

            say("baseline: bare Kafka Streams, parse and windowed count...");
            double baselineSeconds = baseline(broker, state.resolve("baseline"), "bench.events");
            say("  %.1f s", baselineSeconds);
            say("full pipeline: topology and alert rules...");
            AtomicLong retainedHeap = new AtomicLong();
            double pipelineSeconds = pipeline(broker, throughput, retainedHeap);
            say("  %.1f s", pipelineSeconds);

            say("latency: %,d events/s for %d s...", rate, latencySeconds);
            List<Probe> probes = latency(broker, settings(broker, "bench-lat.", state.resolve("l")));
            long steadyAfterMs = Math.min(STEADY_AFTER_MS, latencySeconds * 1000L / 3);
            List<Long> all = sortedLatencies(probes, 0);
            List<Long> steady = sortedLatencies(probes, steadyAfterMs);
            sampler.interrupt();
            return new BenchmarkResult(events, warmup, order.name().toLowerCase(java.util.Locale.ROOT), baselineSeconds, events / baselineSeconds, pipelineSeconds,
                    events / pipelineSeconds, baselineSeconds / pipelineSeconds, rate, all.size(),
                    percentile(all, 0.50), percentile(all, 0.99), all.isEmpty() ? 0 : all.get(all.size() - 1),
                    steadyAfterMs, steady.size(), percentile(steady, 0.50), percentile(steady, 0.99),
                    peakHeap.get(), retainedHeap.get(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        } finally {
            sampler.interrupt();
            try (var paths = Files.walk(state)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Settings settings(EmbeddedBroker broker, String prefix, Path state) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("bootstrap.servers", broker.bootstrapServers());
        flags.put("topic.prefix", prefix);
        flags.put("dyads", "CHN-RUS,IRN-RUS,CHN-IRN,PRK-RUS");
        flags.put("streams.application.id", prefix + "pipeline");
        flags.put("alerts.application.id", prefix + "alerts");
        flags.put("streams.state.dir", state.resolve("streams").toString());
        flags.put("alerts.state.dir", state.resolve("alerts").toString());
        flags.put("streams.clock", "event");
        flags.put("http.port", "0");
        return Settings.resolve(null, Map.of(), flags);
    }

    private double baseline(EmbeddedBroker broker, Path state, String topic) throws Exception {
        Properties props = new Properties();
        String appId = "bench-baseline-" + UUID.randomUUID().toString().substring(0, 8);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        try (StreamsService app = new StreamsService("baseline", BaselineTopology.build(topic), props,
                new SimpleMeterRegistry())) {
            app.start();
            app.awaitRunning(Duration.ofSeconds(120));
            long start = System.nanoTime();
            awaitCaughtUp(broker, appId, List.of(topic), true);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * Runs the full pipeline until it has committed everything and returns the seconds it took. With
     * {@code retainedHeap}, also the heap still in use after a full collection at that point, the applications
     * still running: what their state and the broker retain, garbage excluded.
     */
    private double pipeline(EmbeddedBroker broker, Settings settings, AtomicLong retainedHeap) throws Exception {
        try (Services services = Services.start(settings, List.of(Services.Part.STREAMS, Services.Part.ALERTS))) {
            say("  running: %d Kafka Streams applications", services.streamsServices().size());
            long start = System.nanoTime();
            awaitCaughtUp(broker, settings.streams().applicationId(),
                    List.of(settings.common().topics().events().name()), true);
            double seconds = (System.nanoTime() - start) / 1e9;
            for (StreamsService service : services.streamsServices()) {
                say("  %s", threadTime(service));
            }
            if (retainedHeap != null) {
                System.gc(); // a full collection (G1's default for an explicit one), for the retained figure only
                retainedHeap.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
            return seconds;
        }
    }

    /** One probe's send time, from the start of the latency phase, and its event-to-alert latency. */
    private record Probe(long sentAfterMs, long latencyMs) {
    }

    private static List<Long> sortedLatencies(List<Probe> probes, long sentFromMs) {
        return probes.stream().filter(p -> p.sentAfterMs() >= sentFromMs).map(Probe::latencyMs).sorted().toList();
    }

    private List<Probe> latency(EmbeddedBroker broker, Settings settings) throws Exception {
        List<Probe> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> sent = new ConcurrentHashMap<>();
        AtomicLong phaseStart = new AtomicLong();
        try (Services services = Services.start(settings, List.of(Services.Part.STREAMS, Services.Part.ALERTS));
                KafkaConsumer<String, Alert> consumer = alertConsumer(broker, settings)) {
            say("  running: %d Kafka Streams applications", services.streamsServices().size());
            Thread reader = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        consumer.poll(Duration.ofMillis(50)).forEach(r -> {
                            if (r.value() != null && r.value().status() == AlertStatus.FIRING
                                    && "signature-event".equals(r.value().rule())) {
                                long arrived = System.currentTimeMillis();
                                // from each probe's own send time: the alert's record carries the latest input
                                // timestamp of the events assessed with it, which can be later than the probe's.
                                // Every probe in the alert's evidence counts: when the pipeline is behind, two
                                // probes of one dyad can be assessed together and raise one alert citing both
                                r.value().evidence().forEach(e -> {
                                    Long at = sent.remove(e.id());
                                    if (at != null) {
                                        latencies.add(new Probe(at - phaseStart.get(), arrived - at));
                                    }
                                });
                            }
                        });
                    }
                } catch (org.apache.kafka.common.errors.WakeupException | org.apache.kafka.common.errors.InterruptException e) {
                    // done
                }
            }, "bench-alert-reader");
            reader.start();
            phaseStart.set(System.currentTimeMillis());
            int n = rate * latencySeconds;
            int spacing = SyntheticEvents.probeSpacing(n);
            produce(broker, settings.common().topics().events().name(), SyntheticEvents.stream(n, 7, spacing), rate,
                    sent);
            long expected = n / spacing;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (latencies.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            consumer.wakeup();
            reader.join(5_000);
            return new ArrayList<>(latencies);
        }
    }

    private static KafkaConsumer<String, Alert> alertConsumer(EmbeddedBroker broker, Settings settings) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new JsonSerde<>(Alert.class).deserializer());
        consumer.subscribe(List.of(settings.common().topics().alerts().name()));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        return consumer;
    }

    /**
     * Produces the records, paced at {@code perSecond} (0 = as fast as possible), and waits for every ack. The
     * send time of each probe goes into {@code probesSent}, by event id.
     */
    private static void produce(EmbeddedBroker broker, String topic, Iterator<SyntheticEvents.GeneratedEvent> records,
            int perSecond, Map<String, Long> probesSent) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, perSecond == 0 ? 10 : 0);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (int i = 0; records.hasNext(); i++) {
                if (perSecond > 0) {
                    long due = start + (long) (i * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                SyntheticEvents.GeneratedEvent r = records.next();
                long now = System.currentTimeMillis();
                if (r.probe()) {
                    probesSent.put(r.id(), now);
                }
                producer.send(new ProducerRecord<>(topic, null, now, r.key(), r.value()));
            }
            producer.flush();
        }
    }

    /**
     * Where an application's stream threads spent their time (Kafka Streams' thread ratios, KIP-444), and its commit
     * latency: the first thing to read when the pipeline is slower than expected.
     */
    private static String threadTime(StreamsService service) {
        Map<String, Double> ratios = new java.util.TreeMap<>();
        double commitLatencyMs = 0;
        for (var e : service.streams().metrics().entrySet()) {
            String name = e.getKey().name();
            if (!"stream-thread-metrics".equals(e.getKey().group())) {
                continue;
            }
            Object value = e.getValue().metricValue();
            if (value instanceof Double d && !d.isNaN()) {
                if (name.endsWith("-ratio")) {
                    ratios.merge(name.substring(0, name.length() - "-ratio".length()), d, Double::sum);
                } else if (name.equals("commit-latency-avg")) {
                    commitLatencyMs = d;
                }
            }
        }
        StringBuilder line = new StringBuilder(service.name()).append(" thread time:");
        ratios.forEach((k, v) -> line.append(String.format(java.util.Locale.ROOT, " %s %.0f%%", k, v * 100)));
        return line.append(String.format(java.util.Locale.ROOT, "; commit latency %.1f ms", commitLatencyMs)).toString();
    }

    /** Waits until the group has committed everything on the topics (and its repartition topics). */
    private static void awaitCaughtUp(EmbeddedBroker broker, String groupId, List<String> topics, boolean internal)
            throws Exception {
        Properties admin = new Properties();
        admin.put("bootstrap.servers", broker.bootstrapServers());
        try (ProcessingProgress progress = new ProcessingProgress(admin);
                org.apache.kafka.clients.admin.Admin listing = org.apache.kafka.clients.admin.Admin.create(admin)) {
            List<String> all = new ArrayList<>(topics);
            if (internal) {
                listing.listTopics().names().get().stream()
                        .filter(t -> t.startsWith(groupId + "-") && t.endsWith("-repartition")).forEach(all::add);
            }
            while (progress.lag(groupId, all) > 0) {
                Thread.sleep(100);
            }
        }
    }

    private static long percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static Thread heapSampler(AtomicLong peak) {
        Thread thread = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void say(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }
}
