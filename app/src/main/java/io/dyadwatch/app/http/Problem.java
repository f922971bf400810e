package io.dyadwatch.app.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Every error of the HTTP API in one shape: {@code application/problem+json} (RFC 9457) with {@code type} (a URI
 * naming the kind of problem), {@code title} (the same for every problem of the type), {@code status},
 * {@code detail} (what is wrong with this request, in words) and, where a type has them, extension members
 * (the per-item {@code results} of {@code POST /v1/events}). The types are listed in {@code openapi.json}.
 *
 * <p>Hand-written rather than taken from a library: the JDK HTTP server has no problem-details support, and the
 * shape is five members.
 */
public enum Problem {
    /** A query parameter or path segment is not valid (a dyad that is no dyad, a period that is no label). */
    INVALID_PARAMETER("invalid-parameter", 400, "A parameter of the request is not valid"),
    /** Some posted events were refused by the event contract; {@code results} says which and why. */
    EVENTS_REFUSED("events-refused", 400, "Some events were refused by the event contract"),
    /** No bearer token, or the wrong one. */
    UNAUTHORIZED("unauthorized", 401, "A bearer token is required"),
    /** No such route, or a dyad that is not watched, or no assessment of it yet. */
    NOT_FOUND("not-found", 404, "Not found"),
    /** The route does not answer this method; {@code Allow} names the one it does. */
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    /** The body is larger than {@code http.max.body.bytes}. */
    BODY_TOO_LARGE("body-too-large", 413, "The body is too large"),
    /** The broker did not acknowledge posted events; {@code results} says which were not stored. */
    BROKER_UNAVAILABLE("broker-unavailable", 503, "Kafka did not acknowledge the events"),
    /** The body is declared as something other than JSON. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The body must be JSON"),
    /** The instance holding the dyad did not answer a forwarded query. */
    INSTANCE_UNREACHABLE("instance-unreachable", 502, "The instance holding the dyad did not answer"),
    /** This process does not run the part the route needs (the topology, the alert feed), or Kafka failed. */
    UNAVAILABLE("unavailable", 503, "Not available in this process now"),
    /** An unexpected failure; nothing about internals is said. */
    INTERNAL("internal", 500, "Internal error");

    /** The media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The prefix of every problem type URI; the suffix is {@link #slug()}. */
    public static final String TYPE_BASE = "https://dyadwatch.io/problems/";

    private final String slug;
    private final int status;
    private final String title;

    Problem(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The HTTP status of this problem. */
    public int status() {
        return status;
    }

    /** The last segment of the type URI, like {@code invalid-parameter}. */
    public String slug() {
        return slug;
    }

    /** The type URI. */
    public String type() {
        return TYPE_BASE + slug;
    }

    /** The problem document. */
    public ObjectNode document(String detail) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("type", type());
        node.put("title", title);
        node.put("status", status);
        node.put("detail", detail);
        return node;
    }

    /** Answers with this problem. */
    public void respond(HttpExchange exchange, String detail) throws IOException {
        respond(exchange, detail, extensions -> { });
    }

    /** Answers with this problem and the extension members the consumer adds. */
    public void respond(HttpExchange exchange, String detail, Consumer<ObjectNode> extensions) throws IOException {
        ObjectNode document = document(detail);
        extensions.accept(document);
        HttpApi.respond(exchange, status, MEDIA_TYPE, document.toString());
    }
}
