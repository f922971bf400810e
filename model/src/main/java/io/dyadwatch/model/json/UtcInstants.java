package io.dyadwatch.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A fast path for the UTC timestamps DyadWatch reads most: {@code 2023-03-15T08:00:00Z}, optionally with a
 * fraction of a second ({@code 2023-03-15T08:00:00.125Z}), read without a {@link java.time.format.DateTimeFormatter}
 * (which costs several times more: it was a tenth of the alert rules' time per assessment, measured with JDK
 * Flight Recorder). Any other text is left to the caller's general parser. Field ranges are still checked by
 * {@link LocalDateTime#of}.
 */
public final class UtcInstants {

    private UtcInstants() {
    }

    /** The instant, or null when the text is not in the common UTC form (then parse it the general way). */
    public static Instant parseOrNull(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int digits = length - 21;
            if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    /** The instant of an ISO-8601 text: the fast path, else {@link Instant#parse}. */
    public static Instant parse(String text) {
        Instant fast = parseOrNull(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** A Jackson module reading instants written as text through {@link #parse}. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("utc-instants");
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() == JsonToken.VALUE_STRING) {
                    try {
                        return parse(parser.getText());
                    } catch (java.time.DateTimeException e) {
                        return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(), e.getMessage());
                    }
                }
                if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    return Instant.ofEpochMilli(parser.getLongValue());
                }
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
        });
        return module;
    }

    /** The decimal number in text[from, to), or -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
