package io.dyadwatch.producer.gdelt;

/**
 * The three GDELT event row layouts, told apart by their number of tab-separated columns. Columns 0-34 are
 * the same in all three; they differ in the geography blocks (2.0 adds ADM2Code), the DATEADDED precision
 * and whether SOURCEURL is present.
 */
enum GdeltFormat {
    /** GDELT 2.0 export: 61 columns, DATEADDED is YYYYMMDDHHMMSS. */
    V2("GDELT 2.0", 61, 52, 53, 59, 60),
    /** GDELT 1.0 daily export: 58 columns, DATEADDED is YYYYMMDD. */
    V1_DAILY("GDELT 1.0 daily", 58, 50, 51, 56, 57),
    /** GDELT 1.0 historical backfile: 57 columns, no SOURCEURL. */
    V1_HISTORICAL("GDELT 1.0 historical", 57, 50, 51, 56, -1);

    final String label;
    final int columns;
    final int actionGeoFullName;
    final int actionGeoCountryCode;
    final int dateAdded;
    final int sourceUrl;

    GdeltFormat(String label, int columns, int actionGeoFullName, int actionGeoCountryCode, int dateAdded,
            int sourceUrl) {
        this.label = label;
        this.columns = columns;
        this.actionGeoFullName = actionGeoFullName;
        this.actionGeoCountryCode = actionGeoCountryCode;
        this.dateAdded = dateAdded;
        this.sourceUrl = sourceUrl;
    }

    /** The format with this many columns, or null. */
    static GdeltFormat ofColumns(int columns) {
        for (GdeltFormat format : values()) {
            if (format.columns == columns) {
                return format;
            }
        }
        return null;
    }
}
