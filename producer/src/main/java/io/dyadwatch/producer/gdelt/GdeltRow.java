package io.dyadwatch.producer.gdelt;

import io.dyadwatch.producer.importing.MalformedRowException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The fields of one GDELT event row that the importer uses, read and checked.
 *
 * @param format       which layout the row had
 * @param globalEventId GLOBALEVENTID, digits only
 * @param day          SQLDATE, the day of the event
 * @param dateAdded    DATEADDED, when GDELT added it (UTC; a 1.0 date is read as its start)
 * @param actor1       the initiator
 * @param actor2       the target
 * @param eventCode    the CAMEO event code as a string, leading zeros kept ("062")
 * @param goldstein    GoldsteinScale, or null when empty
 * @param numMentions  NumMentions
 * @param numSources   NumSources
 * @param numArticles  NumArticles
 * @param actionPlace  ActionGeo_FullName, possibly empty
 * @param actionCountryFips ActionGeo_CountryCode (FIPS 10-4, not ISO), possibly empty
 * @param sourceUrl    SOURCEURL, or null (1.0 historical rows have none)
 */
record GdeltRow(
        GdeltFormat format,
        String globalEventId,
        LocalDate day,
        Instant dateAdded,
        GdeltActor actor1,
        GdeltActor actor2,
        String eventCode,
        Double goldstein,
        int numMentions,
        int numSources,
        int numArticles,
        String actionPlace,
        String actionCountryFips,
        String sourceUrl) {

    /** GDELT's data begins in 1979; anything before 1900 is corrupt (and refused by the contract). */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    GdeltRow {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(globalEventId, "globalEventId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(dateAdded, "dateAdded");
        Objects.requireNonNull(actor1, "actor1");
        Objects.requireNonNull(actor2, "actor2");
        Objects.requireNonNull(eventCode, "eventCode");
        Objects.requireNonNull(actionPlace, "actionPlace");
        Objects.requireNonNull(actionCountryFips, "actionCountryFips");
    }

    /** Reads one tab-separated line in any of the three layouts. */
    static GdeltRow parse(String line) throws MalformedRowException {
        String[] c = line.split("\t", -1);
        GdeltFormat format = GdeltFormat.ofColumns(c.length);
        if (format == null) {
            throw new MalformedRowException(c.length + " columns; expected 61 (GDELT 2.0), 58 (1.0 daily) "
                    + "or 57 (1.0 historical)");
        }
        String id = c[0].trim();
        if (id.isEmpty() || !id.chars().allMatch(ch -> ch >= '0' && ch <= '9') || id.length() > 18) {
            throw new MalformedRowException("GLOBALEVENTID '" + excerpt(id) + "' is not a number");
        }
        return new GdeltRow(format, id,
                day(c[1]),
                dateAdded(c[format.dateAdded]),
                GdeltActor.of(c[5], c[6], c[7], c[12], c[13], c[14]),
                GdeltActor.of(c[15], c[16], c[17], c[22], c[23], c[24]),
                c[26].trim(),
                goldstein(c[30]),
                count(c[31], "NumMentions"),
                count(c[32], "NumSources"),
                count(c[33], "NumArticles"),
                c[format.actionGeoFullName].trim(),
                c[format.actionGeoCountryCode].trim(),
                format.sourceUrl < 0 || c[format.sourceUrl].isBlank() ? null : c[format.sourceUrl].trim());
    }

    private static LocalDate day(String text) throws MalformedRowException {
        LocalDate day = date(text.trim(), "SQLDATE");
        if (day.isBefore(EARLIEST)) {
            throw new MalformedRowException("SQLDATE '" + text + "' is before 1900");
        }
        return day;
    }

    private static Instant dateAdded(String text) throws MalformedRowException {
        String t = text.trim();
        if (t.length() == 8) {
            return date(t, "DATEADDED").atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (t.length() != 14 || !digits(t)) {
            throw new MalformedRowException("DATEADDED '" + excerpt(t) + "' is not YYYYMMDD or YYYYMMDDHHMMSS");
        }
        try {
            return LocalDateTime.of(date(t.substring(0, 8), "DATEADDED"),
                    LocalTime.of(number(t, 8), number(t, 10), number(t, 12))).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new MalformedRowException("DATEADDED '" + t + "' is not a valid time");
        }
    }

    private static LocalDate date(String text, String field) throws MalformedRowException {
        if (text.length() != 8 || !digits(text)) {
            throw new MalformedRowException(field + " '" + excerpt(text) + "' is not a date YYYYMMDD");
        }
        try {
            return LocalDate.of(Integer.parseInt(text.substring(0, 4)), number(text, 4), number(text, 6));
        } catch (DateTimeException e) {
            throw new MalformedRowException(field + " '" + text + "' is not a valid date");
        }
    }

    private static int number(String text, int at) {
        return Integer.parseInt(text.substring(at, at + 2));
    }

    private static boolean digits(String text) {
        return text.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static Double goldstein(String text) throws MalformedRowException {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            double value = Double.parseDouble(t);
            if (!(value >= -10 && value <= 10)) {
                throw new MalformedRowException("GoldsteinScale " + t + " is outside -10..10");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MalformedRowException("GoldsteinScale '" + excerpt(t) + "' is not a number");
        }
    }

    private static int count(String text, String field) throws MalformedRowException {
        String t = text.trim();
        if (t.isEmpty()) {
            return 0;
        }
        if (!digits(t) || t.length() > 9) {
            throw new MalformedRowException(field + " '" + excerpt(t) + "' is not a count");
        }
        return Integer.parseInt(t);
    }

    private static String excerpt(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
