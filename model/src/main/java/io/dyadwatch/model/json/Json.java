package io.dyadwatch.model.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one configured Jackson mapper for DyadWatch's own records (not for untrusted input). */
public final class Json {

    /** Shared, thread-safe once configured. Instants as ISO-8601 text. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(UtcInstants.module()) // registered after JavaTimeModule, so it reads instants
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Jackson's own shortest-repr writer and FastDoubleParser: the same values (every double round-trips
            // exactly either way) at a fraction of JDK 17's Double.toString / parseDouble cost, which was a fifth of
            // the time spent per assessment on both sides of the assessments topic (JDK Flight Recorder)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private Json() {
    }
}
