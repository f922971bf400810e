package io.dyadwatch.producer.sipri;

import io.dyadwatch.producer.importing.MalformedRowException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One record of the SIPRI trade register, read and checked. Column order as in SIPRI's export: Recipient,
 * Supplier, Year of order, (uncertain), Number ordered, (uncertain), Weapon designation, Weapon description,
 * Number delivered, (uncertain), Year(s) of delivery, status, Comments, SIPRI TIV per unit, SIPRI TIV for
 * total order, SIPRI TIV of delivered weapons. An uncertainty column holds "?" or nothing.
 *
 * @param recipient                SIPRI's recipient name
 * @param supplier                 SIPRI's supplier name
 * @param orderYear                year of order
 * @param orderYearUncertain       SIPRI marks the year of order uncertain
 * @param numberOrdered            number ordered, or null when not given
 * @param numberOrderedUncertain   SIPRI marks the number ordered uncertain
 * @param designation              weapon designation ("Su-35S")
 * @param description              weapon description ("FGA aircraft")
 * @param numberDelivered          number delivered, or null when not given
 * @param numberDeliveredUncertain SIPRI marks the number delivered uncertain
 * @param deliveryYears            distinct years of delivery, ascending; empty when none yet
 * @param status                   "New", "Second hand", ...; possibly empty
 * @param comments                 possibly empty
 * @param tivPerUnit               SIPRI TIV per unit (millions), or null
 * @param tivTotalOrder            SIPRI TIV for the total order, or null
 * @param tivDelivered             SIPRI TIV of delivered weapons, or null
 */
record SipriRow(
        String recipient,
        String supplier,
        int orderYear,
        boolean orderYearUncertain,
        Integer numberOrdered,
        boolean numberOrderedUncertain,
        String designation,
        String description,
        Integer numberDelivered,
        boolean numberDeliveredUncertain,
        List<Integer> deliveryYears,
        String status,
        String comments,
        BigDecimal tivPerUnit,
        BigDecimal tivTotalOrder,
        BigDecimal tivDelivered) {

    /** Columns in a register record. */
    static final int COLUMNS = 16;

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Pattern TIV = Pattern.compile("\\d{1,12}(\\.\\d{1,6})?");

    SipriRow {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(designation, "designation");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(comments, "comments");
        deliveryYears = List.copyOf(deliveryYears);
        for (int i = 1; i < deliveryYears.size(); i++) {
            if (deliveryYears.get(i) <= deliveryYears.get(i - 1)) {
                throw new IllegalArgumentException("delivery years must be distinct and ascending: " + deliveryYears);
            }
        }
    }

    /** Reads one record's fields. */
    static SipriRow parse(List<String> fields) throws MalformedRowException {
        if (fields.size() != COLUMNS) {
            throw new MalformedRowException(fields.size() + " columns; expected " + COLUMNS);
        }
        List<String> f = fields.stream().map(String::strip).toList();
        return new SipriRow(
                required(f.get(0), "Recipient"),
                required(f.get(1), "Supplier"),
                year(f.get(2), "Year of order"),
                uncertain(f.get(3), 4),
                count(f.get(4), "Number ordered"),
                uncertain(f.get(5), 6),
                required(f.get(6), "Weapon designation"),
                f.get(7),
                count(f.get(8), "Number delivered"),
                uncertain(f.get(9), 10),
                deliveryYears(f.get(10)),
                f.get(11),
                f.get(12),
                tiv(f.get(13), "SIPRI TIV per unit"),
                tiv(f.get(14), "SIPRI TIV for total order"),
                tiv(f.get(15), "SIPRI TIV of delivered weapons"));
    }

    private static String required(String value, String column) throws MalformedRowException {
        if (value.isEmpty()) {
            throw new MalformedRowException(column + " is empty");
        }
        return value;
    }

    private static int year(String value, String column) throws MalformedRowException {
        if (!YEAR.matcher(value).matches()) {
            throw new MalformedRowException(column + " '" + excerpt(value) + "' is not a year");
        }
        return Integer.parseInt(value);
    }

    private static boolean uncertain(String value, int column) throws MalformedRowException {
        if (!value.isEmpty() && !value.equals("?")) {
            throw new MalformedRowException("column " + column + " (uncertainty) holds '" + excerpt(value)
                    + "'; expected '?' or nothing");
        }
        return !value.isEmpty();
    }

    private static Integer count(String value, String column) throws MalformedRowException {
        if (value.isEmpty()) {
            return null;
        }
        if (!COUNT.matcher(value).matches()) {
            throw new MalformedRowException(column + " '" + excerpt(value) + "' is not a number");
        }
        return Integer.valueOf(value);
    }

    private static BigDecimal tiv(String value, String column) throws MalformedRowException {
        if (value.isEmpty()) {
            return null;
        }
        if (!TIV.matcher(value).matches()) {
            throw new MalformedRowException(column + " '" + excerpt(value) + "' is not a number");
        }
        return new BigDecimal(value);
    }

    private static List<Integer> deliveryYears(String value) throws MalformedRowException {
        List<Integer> years = new ArrayList<>();
        if (value.isEmpty()) {
            return years;
        }
        for (String part : value.split(";", -1)) {
            int year = year(part.strip(), "Year(s) of delivery");
            if (!years.isEmpty() && year <= years.get(years.size() - 1)) {
                throw new MalformedRowException("Year(s) of delivery '" + excerpt(value)
                        + "' are not distinct and ascending");
            }
            years.add(year);
        }
        return years;
    }

    private static String excerpt(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
