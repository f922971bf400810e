package io.dyadwatch.model.event;

import java.util.regex.Pattern;

/**
 * Evidence channels: the collection process a report came from (analysts' graded reports, a machine-coded news
 * feed, an arms-transfer register). Each has its own reporting rate for the same activity and its own coverage, so a
 * baseline belongs to a (dyad, channel) pair and a channel without one is shown, never weighed
 * ({@code ../shared/reference/channels.md}, docs/model.md).
 */
public final class Channels {

    /** Analysts' curated, graded reports: the default of publish, HTTP and any client that does not say. */
    public static final String CURATED = "curated";
    /** GDELT 2.0 event rows (machine-coded news). */
    public static final String GDELT = "gdelt";
    /** SIPRI arms-transfer register lines. */
    public static final String SIPRI = "sipri";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private Channels() {
    }

    /**
     * A valid channel name: lower-case letters, digits and hyphens, starting with a letter, at most 32 characters.
     *
     * @return the name
     * @throws IllegalArgumentException naming the rule when it is not
     */
    public static String require(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a channel is 1-32 lower-case letters, digits or hyphens starting with a "
                    + "letter (like curated, gdelt, sipri); got '" + name + "'");
        }
        return name;
    }
}
