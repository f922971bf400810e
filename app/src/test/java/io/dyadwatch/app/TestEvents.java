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

    /** A confirmed mutual-defence treaty: a signature event that fires an alert at once. */
    public static String treaty(String id, String date, String first, String second) {
        return "{\"id\":\"" + id + "\",\"type\":\"DEFENSE_AGREEMENT\",\"actors\":[\"" + first + "\",\"" + second
                + "\"],\"occurredAt\":\"" + date + "\",\"source\":{\"name\":\"Test wire\",\"url\":\"https://example.org/"
                + id + "\",\"reliability\":\"B\",\"credibility\":1},\"attributes\":{\"kind\":\"mutual-defense\","
                + "\"name\":\"Treaty\"},\"summary\":\"treaty " + id + "\"}";
    }
}
