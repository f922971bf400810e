package io.dyadwatch.app;

import io.dyadwatch.app.broker.EmbeddedBroker;

/**
 * One real Kafka broker per test JVM, started on first use and stopped when the JVM exits. Tests keep out of
 * each other's way with unique topic prefixes and application ids ({@link TestIds}).
 */
public final class SharedKafka {

    private static EmbeddedBroker broker;

    private SharedKafka() {
    }

    /** The shared broker's bootstrap servers, starting it if needed. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = EmbeddedBroker.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "shared-kafka-stop"));
        }
        return broker.bootstrapServers();
    }
}
