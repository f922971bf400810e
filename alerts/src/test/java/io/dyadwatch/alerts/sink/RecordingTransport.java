package io.dyadwatch.alerts.sink;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Records what a sink posts. */
final class RecordingTransport implements Transport {

    record Post(SinkEndpoint endpoint, JsonNode body) {
    }

    final List<Post> posts = new ArrayList<>();

    @Override
    public void postJson(SinkEndpoint endpoint, byte[] body) {
        try {
            posts.add(new Post(endpoint, Json.MAPPER.readTree(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
