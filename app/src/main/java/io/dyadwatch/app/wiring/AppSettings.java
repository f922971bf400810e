package io.dyadwatch.app.wiring;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/** Settings of the app: the HTTP API. */
public final class AppSettings extends AbstractConfig {

    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_MAX_BODY_BYTES = "http.max.body.bytes";
    public static final String INGEST_TOKEN = "ingest.token";

    /** The definitions, with their documented defaults. */
    public static final ConfigDef DEF = new ConfigDef()
            .define(HTTP_HOST, Type.STRING, "127.0.0.1", Importance.MEDIUM,
                    "Address the HTTP API listens on (0.0.0.0 for every interface).")
            .define(HTTP_PORT, Type.INT, 8080, Range.between(0, 65535), Importance.MEDIUM,
                    "Port of the HTTP API (/v1/events, /metrics, /health); 0 picks a free port.")
            .define(HTTP_MAX_BODY_BYTES, Type.INT, 1 << 20, Range.between(1024, 64 << 20), Importance.LOW,
                    "Largest accepted HTTP request body in bytes; larger requests get 413.")
            .define(INGEST_TOKEN, Type.PASSWORD, null, Importance.MEDIUM,
                    "When set, POST /v1/events requires 'Authorization: Bearer <token>'. Environment: DYADWATCH_INGEST_TOKEN.");

    public AppSettings(Map<String, ?> values) {
        super(DEF, values, false);
    }

    public String httpHost() {
        return getString(HTTP_HOST);
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    public int maxBodyBytes() {
        return getInt(HTTP_MAX_BODY_BYTES);
    }

    /** The ingestion token, or null when ingestion is open. */
    public String ingestToken() {
        Password token = getPassword(INGEST_TOKEN);
        return token == null || token.value().isEmpty() ? null : token.value();
    }
}
