package io.dyadwatch.alerts.sink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of alert delivery (Alertmanager, webhooks), with documented defaults. URLs may carry credentials
 * ({@code https://user:password@host/...}, or a token in a webhook's path): they are never logged, only
 * {@link SinkEndpoint#display()}.
 */
public final class SinkSettings extends AbstractConfig {

    public static final String ALERTMANAGER_URL = "alertmanager.url";
    public static final String WEBHOOK_URLS = "webhook.urls";
    public static final String RESEND_INTERVAL_MS = "sink.resend.interval.ms";
    public static final String RETRY_BACKOFF_MS = "sink.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "sink.retry.backoff.max.ms";
    public static final String RUNBOOK_BASE_URL = "sink.runbook.base.url";
    public static final String GENERATOR_URL = "sink.generator.url";
    public static final String HTTP_TIMEOUT_MS = "sink.http.timeout.ms";
    public static final String GROUP_ID_PREFIX = "sink.group.id.prefix";

    /** The default runbook: the rule id is appended as the anchor. */
    public static final String DEFAULT_RUNBOOK_BASE_URL = "https://github.com/dyadwatch/dyadwatch/blob/main/docs/operations.md#";

    /** The definitions, with their documented defaults. */
    public static final ConfigDef DEF = new ConfigDef()
            .define(ALERTMANAGER_URL, Type.STRING, "", new HttpUrl(true), Importance.HIGH,
                    "Alertmanager base URL (http://host:9093); alerts are POSTed to {url}/api/v2/alerts. "
                            + "Empty (default): no Alertmanager delivery.")
            .define(WEBHOOK_URLS, Type.LIST, "", new HttpUrlList(), Importance.HIGH,
                    "Webhook URLs, comma-separated, each receiving the Alertmanager webhook payload (version 4). "
                            + "Empty (default): no webhook delivery.")
            .define(RESEND_INTERVAL_MS, Type.LONG, 60_000L, Range.atLeast(100), Importance.MEDIUM,
                    "How often firing alerts are re-sent to Alertmanager; their endsAt is set 4 intervals ahead.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 500L, Range.atLeast(1), Importance.LOW,
                    "First wait before retrying a failed delivery; doubles on each failure.")
            .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.LOW,
                    "Longest wait between delivery retries while a sink is down.")
            .define(RUNBOOK_BASE_URL, Type.STRING, DEFAULT_RUNBOOK_BASE_URL, Importance.LOW,
                    "Base of the runbook_url annotation; the rule id is appended.")
            .define(GENERATOR_URL, Type.STRING, "", new HttpUrl(true), Importance.LOW,
                    "generatorURL of delivered alerts (a dashboard, say). Empty (default): omitted.")
            .define(HTTP_TIMEOUT_MS, Type.INT, 10_000, Range.between(100, 600_000), Importance.LOW,
                    "Connect and request timeout of sink HTTP calls, in milliseconds.")
            .define(GROUP_ID_PREFIX, Type.STRING, "dyadwatch-sink-", Importance.LOW,
                    "Prefix of each sink's consumer group on the alerts topic; the sink's name is appended.");

    public SinkSettings(Map<String, ?> values) {
        super(DEF, values, false);
        if (getLong(RETRY_BACKOFF_MAX_MS) < getLong(RETRY_BACKOFF_MS)) {
            throw new ConfigException(RETRY_BACKOFF_MAX_MS + " must be at least " + RETRY_BACKOFF_MS);
        }
    }

    /** The Alertmanager to deliver to, if any. */
    public Optional<SinkEndpoint> alertmanager() {
        String url = getString(ALERTMANAGER_URL).strip();
        return url.isEmpty() ? Optional.empty() : Optional.of(SinkEndpoint.parse(url));
    }

    /** The webhooks to deliver to; empty when none. */
    public List<SinkEndpoint> webhooks() {
        return getList(WEBHOOK_URLS).stream().map(String::strip).filter(s -> !s.isEmpty()).map(SinkEndpoint::parse).toList();
    }

    public Duration resendInterval() {
        return Duration.ofMillis(getLong(RESEND_INTERVAL_MS));
    }

    public Backoff backoff() {
        return new Backoff(Duration.ofMillis(getLong(RETRY_BACKOFF_MS)), Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS)));
    }

    public String runbookBaseUrl() {
        return getString(RUNBOOK_BASE_URL);
    }

    /** generatorURL, or empty. */
    public String generatorUrl() {
        return getString(GENERATOR_URL).strip();
    }

    public Duration httpTimeout() {
        return Duration.ofMillis(getInt(HTTP_TIMEOUT_MS));
    }

    /** The consumer group id of the sink with this name. */
    public String groupId(String sinkName) {
        return getString(GROUP_ID_PREFIX) + sinkName;
    }

    /** Accepts an absolute http(s) URL, or (when optional) an empty value; never echoes the value. */
    private record HttpUrl(boolean optional) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String url = value == null ? "" : value.toString().strip();
            if (url.isEmpty() && optional) {
                return;
            }
            try {
                SinkEndpoint.parse(url);
            } catch (IllegalArgumentException e) {
                // The value itself is left out of the message: it may hold a password.
                throw new ConfigException(name + ": " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "an http:// or https:// URL" + (optional ? ", or empty" : "");
        }
    }

    private static final class HttpUrlList implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value instanceof List<?> urls) {
                urls.forEach(url -> new HttpUrl(true).ensureValid(name, url));
            }
        }

        @Override
        public String toString() {
            return "comma-separated http:// or https:// URLs";
        }
    }
}
