package io.dyadwatch.app.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.RejectReason;
import io.dyadwatch.model.json.Json;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.producer.PublishException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code POST /v1/events}: one event object or an array of them. Each item is checked against the event
 * contract; valid items are published (acknowledged by the broker before the response), invalid ones are
 * reported with their reason. 202 when every item was accepted; 400 when any was refused (the valid items of
 * the batch are still published, and the response says which); 413 for a body over the limit; 415 when the
 * body is declared as something other than JSON ({@code Content-Type} other than {@code application/json} or a
 * {@code +json} type; a request without one is read as JSON); 401 when a token is configured and the request
 * lacks it. Every error is a {@link Problem} document; those about items carry {@code results},
 * {@code accepted} and {@code rejected} as extension members.
 */
public final class EventIngestion implements HttpHandler {

    private static final String JSON = "application/json";

    private final EventContract contract;
    private final EventPublisher publisher;
    private final int maxBodyBytes;
    private final RequestGuard guard;
    private final MeterRegistry registry;

    /**
     * @param token the bearer token required, or null for open ingestion
     */
    public EventIngestion(EventContract contract, EventPublisher publisher, int maxBodyBytes, String token,
            MeterRegistry registry) {
        this.contract = contract;
        this.publisher = publisher;
        this.maxBodyBytes = maxBodyBytes;
        this.guard = new RequestGuard(token);
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body = PostedJson.body(exchange, guard, maxBodyBytes, "events", outcome -> count(outcome, null));
        if (body == null) {
            return;
        }
        String covers = exchange.getRequestHeaders().getFirst(COVERS_HEADER);
        io.dyadwatch.model.event.Coverage coverage = null;
        if (covers != null) {
            try {
                coverage = io.dyadwatch.model.event.Coverage.parse(covers);
            } catch (IllegalArgumentException e) {
                count("invalid_coverage", null);
                Problem.INVALID_PARAMETER.respond(exchange, COVERS_HEADER + ": " + e.getMessage());
                return;
            }
        }
        respondWithResults(exchange, contract.checkBatch(body), coverage);
    }

    /**
     * The request header that declares the days a batch covers ({@code FROM..TO}, ISO dates), so that absence of
     * events in them is evidence, for the channel of each event it carries; without it nothing is declared, and the
     * monitor assumes the channel's coverage from the moment it first received from it.
     */
    public static final String COVERS_HEADER = "DyadWatch-Covers";

    private void respondWithResults(HttpExchange exchange, List<ContractResult> items,
            io.dyadwatch.model.event.Coverage coverage) throws IOException {
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode results = response.putArray("results");
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        List<ObjectNode> pendingResults = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < items.size(); i++) {
            ObjectNode result = results.addObject();
            result.put("index", i);
            ContractResult checked = items.get(i);
            if (checked instanceof ContractResult.Rejected r) {
                rejected++;
                count("rejected", r.rejection().reason());
                result.put("status", "rejected");
                result.put("reason", r.rejection().reason().name());
                result.put("message", r.rejection().message());
            } else {
                Event event = ((ContractResult.Accepted) checked).event();
                result.put("id", event.id());
                pending.add(publisher.send(event, coverage));
                pendingResults.add(result);
            }
        }
        boolean brokerFailed = false;
        for (int i = 0; i < pending.size(); i++) {
            try {
                EventPublisher.await(pending.get(i), Duration.ofSeconds(30));
                pendingResults.get(i).put("status", "accepted");
                accepted++;
                count("accepted", null);
            } catch (PublishException e) {
                brokerFailed = true;
                pendingResults.get(i).put("status", "failed");
                pendingResults.get(i).put("message", "not stored: the broker did not acknowledge it; retry");
                count("failed", null);
            }
        }
        response.put("accepted", accepted);
        response.put("rejected", rejected);
        if (!brokerFailed && rejected == 0) {
            HttpApi.respond(exchange, 202, JSON, Json.MAPPER.writeValueAsString(response));
            return;
        }
        Problem problem = brokerFailed ? Problem.BROKER_UNAVAILABLE : Problem.EVENTS_REFUSED;
        String detail = brokerFailed ? "Kafka did not acknowledge every accepted event; retry those with status 'failed'"
                : rejected + " of " + items.size() + " events refused; the others were published";
        problem.respond(exchange, detail, document -> document.setAll(response));
    }

    private void count(String outcome, RejectReason reason) {
        Counter.builder("dyadwatch.http.events").description("Events posted to /v1/events, by outcome and reason")
                .tag("outcome", outcome).tag("reason", reason == null ? "none" : reason.name())
                .register(registry).increment();
    }
}
