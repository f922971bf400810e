package io.dyadwatch.app.wiring;

import io.dyadwatch.alerts.AlertsTopology;
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
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The DyadWatch services of one process, started together and stopped in reverse order: the HTTP API, the
 * streams topology (with interactive queries), the alert rules with their sinks, and event ingestion.
 */
public final class Services implements AutoCloseable {

    /** Which parts this process runs. */
    public enum Part { STREAMS, ALERTS, INGESTION }

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
        PrometheusMeterRegistry registry = Metrics.prometheus();
        Services services = null;
        try {
            List<StreamsService> apps = new ArrayList<>();
            HttpApi http = new HttpApi(settings.app().httpHost(), settings.app().httpPort(), registry,
                    () -> apps.stream().noneMatch(app -> app.failure() != null));
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
                Properties props = DyadWatchTopology.properties(settings.common(), settings.streams(),
                        settings.kafkaOverrides());
                props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host.host() + ":" + host.port());
                StreamsService streams = new StreamsService("streams",
                        DyadWatchTopology.build(settings.common(), settings.streams(), analysis.model(), registry),
                        props, registry);
                services.startStreams(streams, apps);
                services.queries = new AssessmentQueries(streams.streams(), host);
            }
            if (parts.contains(Part.ALERTS)) {
                services.startStreams(new StreamsService("alerts",
                        AlertsTopology.build(settings.common(), analysis.rules(), analysis.catalog(), registry),
                        AlertsTopology.properties(settings.common(), settings.alerts(), settings.kafkaOverrides()),
                        registry), apps);
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
                app.awaitRunning(Duration.ofSeconds(60));
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
