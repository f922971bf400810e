package io.dyadwatch.app;

/** Event records for tests, in the event contract. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A Russia-China event. */
    public static String event(String id, String type, String date) {
        return event(id, type, date, "RUS", "CHN");
    }

    /** An event between the given actors. */
    public static String event(String id, String type, String date, String first, String second) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"actors\":[\"" + first + "\",\"" + second
                + "\"],\"occurredAt\":\"" + date
                + "\",\"source\":{\"name\":\"Test wire\",\"url\":\"https://example.org/" + id
                + "\",\"reliability\":\"B\",\"credibility\":2},\"summary\":\"summary of " + id + "\"}";
    }
}
