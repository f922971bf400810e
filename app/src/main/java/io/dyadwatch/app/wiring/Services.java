package io.dyadwatch.app.wiring;

import io.dyadwatch.alerts.AlertsTopology;
import io.dyadwatch.app.http.EventIngestion;
import io.dyadwatch.app.http.HttpApi;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.streams.DyadWatchTopology;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The DyadWatch services of one process, started together and stopped in reverse order: the streams
 * topology, the alert rules, and the HTTP API (with event ingestion when the process ingests).
 */
public final class Services implements AutoCloseable {

    /** Which parts this process runs. */
    public enum Part { STREAMS, ALERTS, INGESTION }

    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<StreamsService> streamsServices = new ArrayList<>();
    private final PrometheusMeterRegistry registry;
    private final HttpApi http;

    private Services(PrometheusMeterRegistry registry, HttpApi http) {
        this.registry = registry;
        this.http = http;
    }

    /**
     * Creates missing topics and starts the parts; returns once every Kafka Streams application is running.
     *
     * @throws KafkaUnreachableException when no broker answers
     */
    public static Services start(Settings settings, List<Part> parts) throws InterruptedException {
        TopicAdmin.ensureTopics(settings.common(), settings.kafkaOverrides());
        PrometheusMeterRegistry registry = Metrics.prometheus();
        Services services = null;
        try {
            List<StreamsService> apps = new ArrayList<>();
            HttpApi http = new HttpApi(settings.app().httpHost(), settings.app().httpPort(), registry,
                    () -> apps.stream().noneMatch(app -> app.failure() != null));
            services = new Services(registry, http);
            services.started.add(http);
            if (parts.contains(Part.STREAMS)) {
                services.startStreams(new StreamsService("streams",
                        DyadWatchTopology.build(settings.common(), settings.streams(), registry),
                        DyadWatchTopology.properties(settings.common(), settings.streams(), settings.kafkaOverrides()),
                        registry), apps);
            }
            if (parts.contains(Part.ALERTS)) {
                services.startStreams(new StreamsService("alerts",
                        AlertsTopology.build(settings.common(), settings.alerts(), registry),
                        AlertsTopology.properties(settings.common(), settings.alerts(), settings.kafkaOverrides()),
                        registry), apps);
            }
            if (parts.contains(Part.INGESTION)) {
                EventPublisher publisher = new EventPublisher(settings.common().bootstrapServers(),
                        settings.common().topics().events(), settings.kafkaOverrides());
                services.started.add(publisher);
                http.route("/v1/events", new EventIngestion(settings.common().contract(), publisher,
                        settings.app().maxBodyBytes(), settings.app().ingestToken(), registry));
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
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }

    public HttpApi http() {
        return http;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
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
