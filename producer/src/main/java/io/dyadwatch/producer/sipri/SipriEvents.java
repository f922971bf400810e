package io.dyadwatch.producer.sipri;

import io.dyadwatch.model.event.Channels;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a SIPRI register record between two watched states into one ARMS_TRANSFER event per delivery year. */
final class SipriEvents {

    /** Source name on every SIPRI event. */
    static final String SOURCE_NAME = "SIPRI Arms Transfers Database";
    /** Where the data can be checked. */
    static final String SOURCE_URL = "https://www.sipri.org/databases/armstransfers";
    /** A: SIPRI is the reference open register; 2: its figures are estimates, often marked uncertain. */
    static final Grade GRADE = new Grade('A', 2);
    /** SIPRI gives years only; each delivery is placed at mid-year. */
    static final int MONTH = 7;

    private SipriEvents() {
    }

    /**
     * The identity of an order, before disambiguation: supplier, recipient, year of order, number ordered,
     * designation and description. The register repeats designation and year for distinct orders (two 2019
     * Mi-17 orders to China, of 20 and 18), so the number ordered is part of the identity.
     */
    static String orderKey(SipriRow row) {
        return String.join("|", row.supplier(), row.recipient(), Integer.toString(row.orderYear()),
                row.numberOrdered() == null ? "" : row.numberOrdered().toString(), row.designation(),
                row.description());
    }

    /** A short, stable hash of an order key: the first 12 hex digits of its SHA-256. */
    static String hash(String orderKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(orderKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * The events of one record, one per delivery year.
     *
     * @param orderId   the hash identifying the order (with any disambiguating suffix)
     * @param supplier  the supplier's ISO code
     * @param recipient the recipient's ISO code
     */
    static List<Event> toEvents(SipriRow row, String orderId, String supplier, String recipient) {
        List<Event> events = new ArrayList<>(row.deliveryYears().size());
        for (int year : row.deliveryYears()) {
            events.add(new Event(
                    "sipri:" + orderId + ":" + year,
                    EventType.ARMS_TRANSFER,
                    List.of(supplier, recipient),
                    LocalDate.of(year, MONTH, 1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    null,
                    new Source(SOURCE_NAME, SOURCE_URL, GRADE),
                    attributes(row, year),
                    summary(row, year),
                    Channels.SIPRI));
        }
        return events;
    }

    /** TIV of delivered weapons spread evenly over the delivery years, to 4 decimals; null when unknown. */
    static Double tivOfYear(SipriRow row) {
        if (row.tivDelivered() == null || row.deliveryYears().isEmpty()) {
            return null;
        }
        return row.tivDelivered()
                .divide(BigDecimal.valueOf(row.deliveryYears().size()), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .doubleValue();
    }

    private static Map<String, Object> attributes(SipriRow row, int year) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("supplier", row.supplier());
        a.put("recipient", row.recipient());
        a.put("designation", row.designation());
        putIfPresent(a, "description", row.description());
        putIfPresent(a, "numberOrdered", row.numberOrdered());
        putIfPresent(a, "numberDelivered", row.numberDelivered());
        if (row.deliveryYears().size() == 1) {
            putIfPresent(a, "numberDeliveredInYear", row.numberDelivered());
        }
        a.put("orderYear", row.orderYear());
        a.put("deliveryYear", year);
        a.put("deliveryYears", row.deliveryYears());
        putIfPresent(a, "tiv", tivOfYear(row));
        putIfPresent(a, "tivPerUnit", decimal(row.tivPerUnit()));
        putIfPresent(a, "tivTotalOrder", decimal(row.tivTotalOrder()));
        putIfPresent(a, "tivDelivered", decimal(row.tivDelivered()));
        List<String> uncertain = new ArrayList<>();
        if (row.orderYearUncertain()) {
            uncertain.add("orderYear");
        }
        if (row.numberOrderedUncertain()) {
            uncertain.add("numberOrdered");
        }
        if (row.numberDeliveredUncertain()) {
            uncertain.add("numberDelivered");
        }
        if (!uncertain.isEmpty()) {
            a.put("uncertain", uncertain);
        }
        putIfPresent(a, "status", row.status());
        putIfPresent(a, "comments", row.comments());
        a.put("datePrecision", "year");
        return a;
    }

    private static Double decimal(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static void putIfPresent(Map<String, Object> attributes, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isEmpty())) {
            attributes.put(name, value);
        }
    }

    private static String summary(SipriRow row, int year) {
        StringBuilder s = new StringBuilder("SIPRI: ").append(row.supplier()).append(" -> ").append(row.recipient())
                .append(", ");
        if (row.numberOrdered() != null) {
            s.append(row.numberOrdered()).append(' ');
        }
        s.append(row.designation());
        if (!row.description().isEmpty()) {
            s.append(" (").append(row.description()).append(')');
        }
        s.append(" ordered ").append(row.orderYear()).append("; delivered ")
                .append(row.deliveryYears().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        Double tiv = tivOfYear(row);
        if (row.deliveryYears().size() > 1) {
            s.append("; this event: ").append(year);
        }
        if (tiv != null) {
            s.append(row.deliveryYears().size() > 1 ? ", TIV share " : "; TIV ")
                    .append(BigDecimal.valueOf(tiv).stripTrailingZeros().toPlainString());
        }
        return s.toString();
    }
}
