package io.dyadwatch.app.wiring;

import io.dyadwatch.alerts.AlertStateCarryOver;
import io.dyadwatch.alerts.sink.SinkRunner;
import io.dyadwatch.alerts.sink.SinkRunners;
import io.dyadwatch.app.http.AssessmentQueries;
import io.dyadwatch.app.http.CorrectionRoute;
import io.dyadwatch.app.http.EventIngestion;
import io.dyadwatch.app.http.HttpApi;
import io.dyadwatch.app.http.QueryRoutes;
import io.dyadwatch.app.http.RequestGuard;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.producer.correction.CorrectionPublisher;
import io.dyadwatch.streams.DyadWatchTopology;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The DyadWatch services of one process, started together and stopped in reverse order: the HTTP API, the
 * streams topology (judging and alerting, with interactive queries), the sink runners that deliver its alerts, and
 * event ingestion.
 */
public final class Services implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Services.class);

    /**
     * Which parts this process runs: the topology (which judges and alerts, in one task per partition), alert delivery
     * (the sink runners reading {@code dyadwatch.alerts}, and the alert feed of the HTTP API), event ingestion.
     */
    public enum Part { STREAMS, ALERTS, INGESTION }

    /**
     * How long start-up waits for a rebalance or a restoration that makes no progress at all: longer than a dead
     * member's session (45 s by default) and than a restore consumer's fetch of a large changelog batch.
     */
    static final Duration STALL_LIMIT = Duration.ofMinutes(10);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<StreamsService> streamsServices = new ArrayList<>();
    private final PrometheusMeterRegistry registry;
    private final HttpApi http;
    private final Analysis analysis;
    private volatile AssessmentQueries queries;
    private volatile AlertFeed alerts;

    private Services(PrometheusMeterRegistry registry, HttpApi http, Analysis analysis) {
        this.registry = registry;
        this.http = http;
        this.analysis = analysis;
    }

    /**
     * Loads the catalog and rules, creates missing topics and starts the parts; returns once every Kafka Streams
     * application is running.
     *
     * @throws KafkaUnreachableException when no broker answers
     */
    public static Services start(Settings settings, List<Part> parts) throws InterruptedException {
        Analysis analysis = Analysis.load(settings);
        TopicAdmin.ensureTopics(settings.common(), settings.kafkaOverrides());
        PrometheusMeterRegistry registry = MeterRegistries.prometheus();
        Services services = null;
        try {
            List<StreamsService> apps = new java.util.concurrent.CopyOnWriteArrayList<>();
            // up while every application runs; 503 while one rebalances or restores (with its progress) or failed
            HttpApi http = new HttpApi(settings.app().httpHost(), settings.app().httpPort(), registry, () -> {
                List<StreamsService.Health> health = apps.stream().map(StreamsService::health).toList();
                return new HttpApi.HealthReport(health.stream().allMatch(StreamsService.Health::running),
                        health.stream().map(StreamsService.Health::json).toList());
            });
            services = new Services(registry, http, analysis);
            services.started.add(http);
            RequestGuard guard = new RequestGuard(settings.app().ingestToken());
            Set<String> watched = settings.common().dyads().stream().map(Dyad::key).collect(Collectors.toSet());
            Services self = services;
            new QueryRoutes(() -> self.queries, () -> self.alerts, watched, settings.streams().period())
                    .register(http, guard);
            io.dyadwatch.app.http.WatchFloor.register(http);
            io.dyadwatch.app.http.ApiDocs.register(http);
            HostInfo host = new HostInfo(settings.app().httpHost(), http.port());
            if (parts.contains(Part.STREAMS)) {
                carryAlertStatesOver(settings);
                Properties props = DyadWatchTopology.properties(settings.common(), settings.streams(),
                        settings.kafkaOverrides());
                props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host.host() + ":" + host.port());
                if (settings.streams().staticMembership()) {
                    // Kafka Streams appends each stream thread's index to it
                    props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                            settings.streams().applicationId() + "-"
                                    + InstanceIdentity.of(java.nio.file.Path.of(settings.streams().stateDir())));
                }
                StreamsService streams = new StreamsService("streams",
                        DyadWatchTopology.build(settings.common(), settings.streams(), analysis.model(),
                                analysis.rules(), registry),
                        props, registry);
                services.startStreams(streams, apps);
                services.queries = new AssessmentQueries(streams.streams(), host);
            }
            if (parts.contains(Part.ALERTS)) {
                AlertFeed feed = new AlertFeed(settings.common(), settings.kafkaOverrides());
                services.started.add(feed);
                services.alerts = feed;
                for (SinkRunner runner : SinkRunners.create(settings.common(), settings.sinks(),
                        settings.kafkaOverrides(), registry)) {
                    services.started.add(runner);
                    runner.start();
                }
            }
            if (parts.contains(Part.INGESTION)) {
                EventPublisher publisher = new EventPublisher(settings.common().bootstrapServers(),
                        settings.common().topics().events(), settings.common().dyads(), settings.kafkaOverrides())
                        .bindMetrics(registry);
                services.started.add(publisher);
                http.route("/v1/events", new EventIngestion(settings.common().contract(), publisher,
                        settings.app().maxBodyBytes(), settings.app().ingestToken(), registry));
                CorrectionPublisher corrections = new CorrectionPublisher(settings.common().bootstrapServers(),
                        settings.common().topics().corrections(), settings.kafkaOverrides());
                services.started.add(corrections);
                http.route("/v1/corrections", new CorrectionRoute(corrections, settings.app().maxBodyBytes(),
                        settings.app().ingestToken(), registry, java.time.Clock.systemUTC()));
            }
            for (StreamsService app : apps) {
                app.awaitRunning(STALL_LIMIT);
            }
            return services;
        } catch (IOException e) {
            closeQuietly(services);
            throw new UncheckedIOException("cannot start the HTTP API on " + settings.app().httpHost() + ":"
                    + settings.app().httpPort() + ": " + e.getMessage(), e);
        } catch (RuntimeException | InterruptedException e) {
            closeQuietly(services);
            throw e;
        }
    }

    /** The upgrade from a separate alert-rules application: its alert states move into the topology's stores. */
    private static void carryAlertStatesOver(Settings settings) throws InterruptedException {
        AlertStateCarryOver.Outcome carried = new AlertStateCarryOver(
                TopicAdmin.adminProperties(settings.common(), settings.kafkaOverrides()), settings.common().adminTimeout())
                .run(settings.alerts().applicationId(), settings.streams().applicationId(),
                        settings.common().topics().assessments().name());
        if (carried != null) {
            LOG.info("carried {} alert state(s) ({} firing) and {} dyad(s)' last probabilities over from {} into {}",
                    carried.states(), carried.firing(), carried.dyads(), carried.from(), carried.to());
        }
    }

    private void startStreams(StreamsService service, List<StreamsService> apps) {
        started.add(service);
        streamsServices.add(service);
        apps.add(service);
        service.start();
    }

    /** Blocks until a Kafka Streams application stops on an error; returns its failure. */
    public Throwable awaitFailure() throws InterruptedException {
        while (true) {
            for (StreamsService service : streamsServices) {
                if (service.awaitStopped(Duration.ofMillis(200)) && service.failure() != null) {
                    return service.failure();
                }
            }
            if (streamsServices.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
    }

    public HttpApi http() {
        return http;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public Analysis analysis() {
        return analysis;
    }

    /** The assessments this process holds (empty where the topology does not run). */
    public List<io.dyadwatch.model.assessment.Assessment> localAssessments() {
        AssessmentQueries q = queries;
        return q == null ? List.of() : q.localAssessments();
    }

    public List<StreamsService> streamsServices() {
        return List.copyOf(streamsServices);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        registry.close();
    }

    private static void closeQuietly(Services services) {
        if (services != null) {
            services.close();
        }
    }
}
