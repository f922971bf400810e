package io.dyadwatch.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Unique names for one test: topic prefix and application ids. */
public record TestIds(String prefix, String streamsAppId, String alertsAppId) {

    public static TestIds unique(String testName) {
        String id = testName.replaceAll("[^a-zA-Z0-9]", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new TestIds("it." + id + ".", "it-" + id + "-streams", "it-" + id + "-alerts");
    }

    /**
     * The settings flags of an in-process pipeline with these names: the broker, topic prefix, application ids,
     * state under {@code stateDir} ({@code streams/}, {@code alerts/}) and an ephemeral HTTP port. Mutable, for a
     * test's own additions.
     */
    public Map<String, String> flags(String bootstrapServers, Path stateDir) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("bootstrap.servers", bootstrapServers);
        flags.put("topic.prefix", prefix);
        flags.put("streams.application.id", streamsAppId);
        flags.put("alerts.application.id", alertsAppId);
        flags.put("streams.state.dir", stateDir.resolve("streams").toString());
        flags.put("alerts.state.dir", stateDir.resolve("alerts").toString());
        flags.put("http.port", "0");
        return flags;
    }
}
