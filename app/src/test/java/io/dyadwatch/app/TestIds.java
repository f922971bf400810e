package io.dyadwatch.app;

import java.util.UUID;

/** Unique names for one test: topic prefix and application ids. */
public record TestIds(String prefix, String streamsAppId, String alertsAppId) {

    public static TestIds unique(String testName) {
        String id = testName.replaceAll("[^a-zA-Z0-9]", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new TestIds("it." + id + ".", "it-" + id + "-streams", "it-" + id + "-alerts");
    }
}
