package io.dyadwatch.app.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The API describes itself: {@code GET /openapi.json} (the OpenAPI 3.1 document kept in the repository as
 * {@code app/src/main/resources/openapi.json}) and {@code GET /schema/{name}}, the JSON Schemas of the records on
 * the topics, which the document refers to by relative URL.
 */
public final class ApiDocs {

    /** Path of the OpenAPI document. */
    public static final String OPENAPI = "/openapi.json";

    /** The schemas served under {@code /schema/}, by file name. */
    public static final List<String> SCHEMAS = List.of("event-v1.schema.json", "alert-v1.schema.json",
            "assessment-v1.schema.json", "indicator-v1.schema.json", "correction-v1.schema.json",
            "channel-volume-v1.schema.json", "coverage-gap-v1.schema.json");

    private final String openApi;

    private ApiDocs() {
        this.openApi = resource("openapi.json");
    }

    /** Adds {@code /openapi.json} and {@code /schema/} to the API. */
    public static void register(HttpApi api) {
        ApiDocs docs = new ApiDocs();
        api.route(OPENAPI, docs::openApi);
        api.route("/schema/", ApiDocs::schema);
    }

    private void openApi(HttpExchange exchange) throws IOException {
        if (!HttpApi.requireMethod(exchange, "GET")) {
            return;
        }
        if (!exchange.getRequestURI().getRawPath().equals(OPENAPI)) {
            Problem.NOT_FOUND.respond(exchange, "no such route; the API is described at " + OPENAPI);
            return;
        }
        HttpApi.respond(exchange, 200, "application/json", openApi);
    }

    private static void schema(HttpExchange exchange) throws IOException {
        if (!HttpApi.requireMethod(exchange, "GET")) {
            return;
        }
        String name = exchange.getRequestURI().getRawPath().substring("/schema/".length());
        if (!SCHEMAS.contains(name)) {
            Problem.NOT_FOUND.respond(exchange, "no such schema; there are " + String.join(", ", SCHEMAS));
            return;
        }
        HttpApi.respond(exchange, 200, "application/schema+json", resource("schema/" + name));
    }

    private static String resource(String name) {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
