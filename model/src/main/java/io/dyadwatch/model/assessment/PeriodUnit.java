package io.dyadwatch.model.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar periods indicators are counted in, by event time. Labels sort in time order as text:
 * {@code 2023-Q1}, {@code 2023-03}, {@code 2023}.
 */
public enum PeriodUnit {
    MONTH(1, Pattern.compile("(\\d{4})-(\\d{2})")),
    QUARTER(3, Pattern.compile("(\\d{4})-Q([1-4])")),
    YEAR(12, Pattern.compile("(\\d{4})"));

    private final int months;
    private final Pattern label;

    PeriodUnit(int months, Pattern label) {
        this.months = months;
        this.label = label;
    }

    /** The label of the period holding the instant (UTC). */
    public String labelOf(Instant instant) {
        return labelOf(YearMonth.from(instant.atZone(ZoneOffset.UTC)));
    }

    /** The first instant of a labelled period. */
    public Instant startOf(String periodLabel) {
        return startMonth(periodLabel).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The label of the period after the given one. */
    public String next(String periodLabel) {
        return labelOf(startMonth(periodLabel).plusMonths(months));
    }

    /** The label of the period before the given one. */
    public String previous(String periodLabel) {
        return labelOf(startMonth(periodLabel).minusMonths(months));
    }

    /** The first instant after the labelled period. */
    public Instant endOf(String periodLabel) {
        return startOf(next(periodLabel));
    }

    /** True when the text is a label of this unit. */
    public boolean isLabel(String text) {
        return text != null && label.matcher(text).matches();
    }

    private String labelOf(YearMonth month) {
        return switch (this) {
            case MONTH -> month.toString();
            case QUARTER -> month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(month.getYear());
        };
    }

    private YearMonth startMonth(String periodLabel) {
        Matcher m = periodLabel == null ? null : label.matcher(periodLabel);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + periodLabel + "' is not a " + name().toLowerCase(java.util.Locale.ROOT)
                    + " label (like " + labelOf(YearMonth.of(2023, 1)) + ")");
        }
        int year = Integer.parseInt(m.group(1));
        return switch (this) {
            case MONTH -> YearMonth.of(year, Integer.parseInt(m.group(2)));
            case QUARTER -> YearMonth.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1);
            case YEAR -> YearMonth.of(year, 1);
        };
    }

    /** Today's period, for the clock. */
    public String current(LocalDate today) {
        return labelOf(YearMonth.from(today));
    }
}
