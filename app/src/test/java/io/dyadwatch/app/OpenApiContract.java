package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks real HTTP responses against the OpenAPI 3.1 document on the classpath ({@code openapi.json}): the status
 * must be documented for the operation, the content type too, and the body must satisfy the schema the document
 * gives for it (JSON Schema 2020-12 in the OpenAPI 3.1 dialect, networknt's validator; relative {@code $ref}s
 * such as {@code schema/alert-v1.schema.json} resolve to the schemas on the classpath, as they do to
 * {@code /schema/...} when the document is fetched from a server). No OpenAPI response validator is on Maven
 * Central in a version that fits here, so the document's own schemas do the work.
 */
final class OpenApiContract {

    static final String LOCATION = "classpath:openapi.json";

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
    private final Set<String> exercised = new TreeSet<>();

    OpenApiContract() throws IOException {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi.json")) {
            document = Json.MAPPER.readTree(in);
        }
    }

    JsonNode document() {
        return document;
    }

    /** Every {@code METHOD path} the document declares. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(op -> operations.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    /** The operations answered with a 2xx so far. */
    Set<String> exercisedOperations() {
        Set<String> operations = new TreeSet<>();
        exercised.stream().filter(e -> e.endsWith(" 2xx")).forEach(e -> operations.add(e.substring(0, e.length() - 4)));
        return operations;
    }

    /** Asserts the response is what the document says {@code method template} answers with its status. */
    void check(String method, String template, HttpResponse<String> response) {
        String status = Integer.toString(response.statusCode());
        String context = method + " " + template + " -> " + status + ": " + response.body();
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isObject()).as("documented operation: %s", context).isTrue();
        JsonNode documented = operation.path("responses").path(status);
        assertThat(documented.isMissingNode()).as("documented status: %s", context).isFalse();
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
        if (documented.has("$ref")) {
            pointer = documented.get("$ref").asText().substring(1);
            documented = document.at(pointer);
        }
        String mediaType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        assertThat(documented.path("content").has(mediaType)).as("documented content type %s: %s", mediaType, context)
                .isTrue();
        validate(pointer + "/content/" + escape(mediaType) + "/schema", mediaType, response.body(), context);
        exercised.add(method + " " + template + " " + (status.startsWith("2") ? "2xx" : status));
    }

    /** Asserts the JSON satisfies the schema at the pointer into the document. */
    void validate(String pointer, String mediaType, String body, String context) {
        Schema schema = registry.getSchema(SchemaLocation.of(LOCATION + "#" + pointer));
        String json = mediaType.endsWith("json") ? body : Json.MAPPER.valueToTree(body).toString();
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        assertThat(errors).as("%s against %s", context, pointer).isEmpty();
    }

    /** The schema of a component ({@code #/components/schemas/NAME}), for answers no operation declares (405). */
    void validateComponent(String name, String body, String context) {
        validate("/components/schemas/" + name, "application/json", body, context);
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
