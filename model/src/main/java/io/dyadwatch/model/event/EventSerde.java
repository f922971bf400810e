package io.dyadwatch.model.event;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serde of validated events in the contract's JSON form, for internal topics and state stores. */
public final class EventSerde implements Serde<Event> {

    @Override
    public Serializer<Event> serializer() {
        return (topic, event) -> event == null ? null : EventJson.toBytes(event);
    }

    @Override
    public Deserializer<Event> deserializer() {
        return (topic, bytes) -> bytes == null ? null : EventJson.fromBytes(bytes);
    }
}
