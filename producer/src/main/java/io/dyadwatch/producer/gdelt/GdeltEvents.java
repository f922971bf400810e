package io.dyadwatch.producer.gdelt;

import io.dyadwatch.model.event.Channels;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a classified GDELT row into a contract event. */
final class GdeltEvents {

    /** Source name when a row has no usable SOURCEURL (1.0 historical rows). */
    static final String FALLBACK_SOURCE = "GDELT";
    /** Machine-coded: the reliability of the coding cannot be judged. */
    static final char RELIABILITY = 'F';

    private GdeltEvents() {
    }

    static Event toEvent(GdeltRow row, CameoMapping.Rule rule) {
        return new Event(
                "gdelt:" + row.globalEventId(),
                rule.type(),
                List.of(row.actor1().country(), row.actor2().country()),
                row.day().atStartOfDay(ZoneOffset.UTC).toInstant(),
                row.dateAdded(),
                source(row),
                attributes(row, rule),
                summary(row, rule),
                Channels.GDELT);
    }

    /**
     * Information credibility from the number of distinct sources GDELT saw in its first 15 minutes: 5 or
     * more gives 2 (probably true), 2-4 gives 3 (possibly true), 1 gives 4 (doubtful), 0 gives 6 (cannot be
     * judged). Never 1: sources that repeat one wire story do not confirm each other.
     */
    static int credibility(int numSources) {
        if (numSources >= 5) {
            return 2;
        }
        if (numSources >= 2) {
            return 3;
        }
        return numSources == 1 ? 4 : 6;
    }

    /** SOURCEURL's host without "www.", or null when the URL is missing or unusable. */
    static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (host == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Source source(GdeltRow row) {
        String host = host(row.sourceUrl());
        Grade grade = new Grade(RELIABILITY, credibility(row.numSources()));
        return host == null
                ? new Source(FALLBACK_SOURCE, null, grade)
                : new Source(host, row.sourceUrl(), grade);
    }

    private static Map<String, Object> attributes(GdeltRow row, CameoMapping.Rule rule) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("cameoCode", row.eventCode());
        a.put("cameoLabel", rule.label());
        if (row.goldstein() != null) {
            a.put("goldstein", row.goldstein());
        }
        a.put("numMentions", row.numMentions());
        a.put("numSources", row.numSources());
        a.put("numArticles", row.numArticles());
        putIfPresent(a, "actor1Code", row.actor1().code());
        putIfPresent(a, "actor1Name", row.actor1().name());
        putIfPresent(a, "actor2Code", row.actor2().code());
        putIfPresent(a, "actor2Name", row.actor2().name());
        putIfPresent(a, "actionLocation", row.actionPlace());
        putIfPresent(a, "actionCountryFips", row.actionCountryFips());
        a.put("gdeltFormat", row.format().label);
        return a;
    }

    private static void putIfPresent(Map<String, Object> attributes, String name, String value) {
        if (!value.isBlank()) {
            attributes.put(name, value.trim());
        }
    }

    private static String summary(GdeltRow row, CameoMapping.Rule rule) {
        String place = row.actionPlace().isBlank() ? "" : " at " + row.actionPlace();
        return "GDELT: " + row.actor1().label() + " -> " + row.actor2().label() + ", CAMEO " + row.eventCode()
                + " (" + rule.label() + ")" + place;
    }
}
