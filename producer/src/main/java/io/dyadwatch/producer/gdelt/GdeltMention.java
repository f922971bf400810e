package io.dyadwatch.producer.gdelt;

import io.dyadwatch.producer.importing.MalformedRowException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One row of a GDELT 2.0 mentions table (16 tab-separated columns): a later article about an event, the story
 * spreading, never a new event.
 *
 * @param globalEventId the event mentioned
 * @param eventTime     EventTimeDate: the slot the event was first seen in (UTC)
 * @param mentionTime   MentionTimeDate: when this article was seen (UTC)
 * @param sourceName    MentionSourceName, like {@code reuters.com}
 * @param identifier    MentionIdentifier, the article's URL for web mentions
 * @param inRawText     InRawText: 1 when the actors and action were found in the text without inference
 * @param confidence    Confidence, 10-100: GDELT's confidence in the extraction
 */
public record GdeltMention(String globalEventId, Instant eventTime, Instant mentionTime, String sourceName,
        String identifier, boolean inRawText, int confidence) {

    /** Columns of a mentions row. */
    public static final int COLUMNS = 16;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    public GdeltMention {
        Objects.requireNonNull(globalEventId, "globalEventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(mentionTime, "mentionTime");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(identifier, "identifier");
    }

    /** Reads one tab-separated mentions row. */
    public static GdeltMention parse(String line) throws MalformedRowException {
        String[] c = line.split("\t", -1);
        if (c.length != COLUMNS) {
            throw new MalformedRowException(c.length + " columns; a GDELT 2.0 mentions row has " + COLUMNS);
        }
        String id = c[0].trim();
        if (!id.matches("[0-9]{1,18}")) {
            throw new MalformedRowException("GLOBALEVENTID '" + id + "' is not a number");
        }
        if (c[4].isBlank()) {
            throw new MalformedRowException("MentionSourceName is empty");
        }
        int confidence;
        try {
            confidence = c[11].isBlank() ? 0 : Integer.parseInt(c[11].trim());
        } catch (NumberFormatException e) {
            throw new MalformedRowException("Confidence '" + c[11] + "' is not a number");
        }
        return new GdeltMention(id, time(c[1], "EventTimeDate"), time(c[2], "MentionTimeDate"), c[4].trim(),
                c[5].trim(), "1".equals(c[10].trim()), confidence);
    }

    private static Instant time(String text, String field) throws MalformedRowException {
        try {
            return LocalDateTime.parse(text.trim(), TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new MalformedRowException(field + " '" + text.trim() + "' is not YYYYMMDDHHMMSS");
        }
    }
}
