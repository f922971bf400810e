package io.dyadwatch.alerts.sink;

import io.dyadwatch.model.settings.CommonSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the runners of the sinks the settings configure: Alertmanager if its URL is set, one per webhook URL. */
public final class SinkRunners {

    private SinkRunners() {
    }

    /**
     * The configured sinks' runners, not yet started; empty when no sink is configured. The caller starts each
     * ({@link SinkRunner#start()}) and closes each ({@link SinkRunner#close()}).
     */
    public static List<SinkRunner> create(CommonSettings common, SinkSettings settings,
            Map<String, Object> kafkaOverrides, MeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        Transport http = new HttpTransport(settings.httpTimeout());
        AlertPayloads payloads = new AlertPayloads(settings.runbookBaseUrl(), settings.generatorUrl());
        List<AlertSink> sinks = new ArrayList<>();
        settings.alertmanager().ifPresent(url ->
                sinks.add(new AlertmanagerSink(url, payloads, settings.resendInterval(), http, clock)));
        settings.webhooks().forEach(url -> sinks.add(new WebhookSink(url, payloads, http)));
        return sinks.stream().map(sink -> new SinkRunner(sink, common.bootstrapServers(), common.topics().alerts(),
                settings.groupId(sink.name()), kafkaOverrides, settings.backoff(), registry, clock)).toList();
    }
}
