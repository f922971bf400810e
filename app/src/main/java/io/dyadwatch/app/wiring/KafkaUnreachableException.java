package io.dyadwatch.app.wiring;

import java.time.Duration;

/** No Kafka broker answered: an expected condition, reported as one line and a non-zero exit. */
public final class KafkaUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KafkaUnreachableException(String bootstrapServers, Duration waited) {
        super("cannot reach Kafka at " + bootstrapServers + " (no answer within " + waited.toMillis()
                + " ms); is the broker running? Set --bootstrap-servers or DYADWATCH_BOOTSTRAP_SERVERS");
    }

    public KafkaUnreachableException(String bootstrapServers, Throwable cause) {
        super("cannot use Kafka at " + bootstrapServers + ": " + cause.getMessage(), cause);
    }
}
