package io.dyadwatch.app.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.PeriodResult;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The query API: {@code GET /v1/assessments}, {@code GET /v1/assessments/{dyad}},
 * {@code GET /v1/dyads/{dyad}/indicators?from=YYYY-Qn&to=YYYY-Qn} and {@code GET /v1/dyads/{dyad}/history?from&to}.
 * A request for a dyad another instance holds is forwarded to it; the list of all assessments gathers every
 * instance's.
 */
public final class QueryRoutes {

    private static final String JSON = "application/json";
    private static final String FORWARDED = "X-DyadWatch-Forwarded";

    private final Supplier<AssessmentQueries> queries;
    private final Supplier<io.dyadwatch.app.wiring.AlertFeed> alerts;
    private final Set<String> watched;
    private final PeriodUnit unit;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param queries the queries, or null while the topology is not running here
     * @param alerts  the alert feed, or null where alerts are not followed
     * @param watched watched dyad keys
     * @param unit    the period unit of labels
     */
    public QueryRoutes(Supplier<AssessmentQueries> queries, Supplier<io.dyadwatch.app.wiring.AlertFeed> alerts,
            Set<String> watched, PeriodUnit unit) {
        this.queries = queries;
        this.alerts = alerts;
        this.watched = watched;
        this.unit = unit;
    }

    /** Adds the routes to the API. */
    public void register(HttpApi api, RequestGuard guard) {
        api.route("/v1/alerts", exchange -> {
            if (guard.admit(exchange) && HttpApi.requireMethod(exchange, "GET")) {
                io.dyadwatch.app.wiring.AlertFeed feed = alerts.get();
                if (feed == null) {
                    Problem.UNAVAILABLE.respond(exchange, "alerts are not followed in this process");
                    return;
                }
                Map<String, String> params = params(exchange.getRequestURI());
                String status = params.get("status");
                if (status != null && !status.equalsIgnoreCase("firing") && !status.equalsIgnoreCase("resolved")) {
                    Problem.INVALID_PARAMETER.respond(exchange, "'status' must be firing or resolved");
                    return;
                }
                String dyad = params.containsKey("dyad") ? dyadKey(exchange, params.get("dyad")) : null;
                if (params.containsKey("dyad") && dyad == null) {
                    return;
                }
                HttpApi.respond(exchange, 200, JSON, Json.MAPPER.writeValueAsString(feed.alerts(status, dyad)));
            }
        });
        api.route("/v1/assessments", exchange -> {
            if (guard.admit(exchange) && HttpApi.requireMethod(exchange, "GET")) {
                assessments(exchange);
            }
        });
        api.route("/v1/dyads/", exchange -> {
            if (guard.admit(exchange) && HttpApi.requireMethod(exchange, "GET")) {
                dyadResource(exchange);
            }
        });
    }

    private void assessments(HttpExchange exchange) throws IOException {
        AssessmentQueries q = queries.get();
        if (q == null) {
            Problem.UNAVAILABLE.respond(exchange, "the topology is not running in this process");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/v1/assessments") || path.equals("/v1/assessments/")) {
            List<Object> all = new ArrayList<>(q.localAssessments());
            if (exchange.getRequestHeaders().getFirst(FORWARDED) == null) {
                for (HostInfo host : q.otherInstances()) {
                    forward(host, exchange).ifPresent(body -> {
                        try {
                            Json.MAPPER.readTree(body).forEach(all::add);
                        } catch (IOException e) {
                            // an instance answering garbage is left out; the others still answer
                        }
                    });
                }
            }
            HttpApi.respond(exchange, 200, JSON, Json.MAPPER.writeValueAsString(all));
            return;
        }
        String dyad = dyadKey(exchange, path.substring("/v1/assessments/".length()));
        if (dyad == null || relayed(exchange, q, dyad)) {
            return;
        }
        Optional<Assessment> assessment = q.assessment(dyad);
        if (assessment.isEmpty()) {
            Problem.NOT_FOUND.respond(exchange, "no assessment of " + dyad + " yet: no event has been counted");
            return;
        }
        HttpApi.respond(exchange, 200, JSON, Json.MAPPER.writeValueAsString(assessment.get()));
    }

    private void dyadResource(HttpExchange exchange) throws IOException {
        AssessmentQueries q = queries.get();
        if (q == null) {
            Problem.UNAVAILABLE.respond(exchange, "the topology is not running in this process");
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().substring("/v1/dyads/".length()).split("/");
        if (parts.length != 2 || !(parts[1].equals("indicators") || parts[1].equals("history")
                || parts[1].equals("events"))) {
            Problem.NOT_FOUND.respond(exchange,
                    "use /v1/dyads/{dyad}/indicators, /v1/dyads/{dyad}/history or /v1/dyads/{dyad}/events");
            return;
        }
        String dyad = dyadKey(exchange, parts[0]);
        if (dyad == null) {
            return;
        }
        Map<String, String> params = params(exchange.getRequestURI());
        if (parts[1].equals("events")) {
            String type = params.get("type");
            if (type != null && java.util.Arrays.stream(io.dyadwatch.model.event.EventType.values())
                    .noneMatch(t -> t.name().equals(type))) {
                Problem.INVALID_PARAMETER.respond(exchange, "unknown event type '" + type + "'");
                return;
            }
            int limit;
            try {
                limit = Integer.parseInt(params.getOrDefault("limit", "50"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 500) {
                Problem.INVALID_PARAMETER.respond(exchange, "'limit' must be 1-500");
                return;
            }
            if (!relayed(exchange, q, dyad)) {
                HttpApi.respond(exchange, 200, JSON, Json.MAPPER.writeValueAsString(q.events(dyad, type, limit)));
            }
            return;
        }
        String current = unit.labelOf(Instant.now());
        String to = params.getOrDefault("to", current);
        String from = params.getOrDefault("from", parts[1].equals("history") ? "2012-Q1" : previous(to, 3));
        if (!unit.isLabel(from) || !unit.isLabel(to)) {
            Problem.INVALID_PARAMETER.respond(exchange, "'from' and 'to' must be period labels like "
                    + unit.labelOf(Instant.parse("2023-02-01T00:00:00Z")));
            return;
        }
        if (from.compareTo(to) > 0) {
            Problem.INVALID_PARAMETER.respond(exchange, "'from' must not be after 'to'");
            return;
        }
        if (relayed(exchange, q, dyad)) {
            return;
        }
        List<PeriodResult> history = q.history(dyad, unit, from, to);
        if (parts[1].equals("history")) {
            HttpApi.respond(exchange, 200, JSON, Json.MAPPER.writeValueAsString(history));
            return;
        }
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (PeriodResult result : history) {
            result.indicators().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                ObjectNode row = rows.addObject();
                row.put("dyad", dyad);
                row.put("period", result.period());
                row.put("indicator", e.getKey());
                row.put("weighted", e.getValue());
            });
        }
        HttpApi.respond(exchange, 200, JSON, rows.toString());
    }

    private String previous(String label, int periods) {
        String p = label;
        for (int i = 0; i < periods; i++) {
            p = unit.previous(p);
        }
        return p;
    }

    /** Forwards to the owning instance when it is another one; true when the exchange was answered. */
    private boolean relayed(HttpExchange exchange, AssessmentQueries q, String dyad) throws IOException {
        if (exchange.getRequestHeaders().getFirst(FORWARDED) != null) {
            return false;
        }
        Optional<HostInfo> owner = q.owner(dyad);
        if (owner.isEmpty()) {
            return false;
        }
        Optional<String> body = forward(owner.get(), exchange);
        if (body.isEmpty()) {
            Problem.INSTANCE_UNREACHABLE.respond(exchange, "the instance holding " + dyad + " did not answer");
        } else {
            HttpApi.respond(exchange, 200, JSON, body.get());
        }
        return true;
    }

    private Optional<String> forward(HostInfo host, HttpExchange exchange) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port()
                    + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
                    .timeout(Duration.ofSeconds(10)).header(FORWARDED, "1").GET();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String dyadKey(HttpExchange exchange, String text) throws IOException {
        String key;
        try {
            key = Dyad.parse(URLDecoder.decode(text, StandardCharsets.UTF_8)).key();
        } catch (IllegalArgumentException e) {
            Problem.INVALID_PARAMETER.respond(exchange, "not a dyad: " + e.getMessage());
            return null;
        }
        if (!watched.contains(key)) {
            Problem.NOT_FOUND.respond(exchange, key + " is not watched; watched: "
                    + watched.stream().sorted(Comparator.naturalOrder()).toList());
            return null;
        }
        return key;
    }

    private static Map<String, String> params(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
