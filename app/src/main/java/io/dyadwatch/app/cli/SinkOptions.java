package io.dyadwatch.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where alerts are delivered besides the alerts topic and the console. */
public final class SinkOptions {

    @Option(names = "--alertmanager-url", paramLabel = "URL",
            description = "Deliver alerts to this Alertmanager (API v2), e.g. http://127.0.0.1:9093 (setting alertmanager.url).")
    String alertmanagerUrl;

    @Option(names = "--webhook-url", paramLabel = "URL",
            description = "Deliver alerts to this webhook with Alertmanager's version-4 payload; repeatable (setting webhook.urls).")
    List<String> webhookUrls = List.of();

    /** The settings these options set. */
    Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        if (alertmanagerUrl != null) {
            flags.put("alertmanager.url", alertmanagerUrl);
        }
        if (!webhookUrls.isEmpty()) {
            flags.put("webhook.urls", String.join(",", webhookUrls));
        }
        return flags;
    }
}
