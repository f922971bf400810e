package io.dyadwatch.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP API of a DyadWatch service: {@code /health}, {@code /metrics} (Prometheus text), and the routes
 * the service adds ({@code POST /v1/events} on {@code run}).
 *
 * <p>Built on the JDK's own {@code com.sun.net.httpserver}: a handful of JSON routes do not justify a web
 * framework and its transitive dependencies in the runnable jar.
 */
public final class HttpApi implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Starts listening.
     *
     * @param host     address to bind
     * @param port     port, 0 for a free one
     * @param registry metrics to expose on /metrics
     * @param health   what /health answers: 200 when up, else 503; with the state of each application
     */
    public HttpApi(String host, int port, PrometheusMeterRegistry registry, Supplier<HealthReport> health)
            throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "dyadwatch-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        route("/metrics", exchange -> {
            if (!requireMethod(exchange, "GET")) {
                return;
            }
            respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
        });
        route("/health", exchange -> {
            HealthReport report = health.get();
            respond(exchange, report.up() ? 200 : 503, "application/json", report.json());
        });
        server.start();
    }

    /** Adds a route; the handler's unexpected exceptions become a 500 without internals. */
    public void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                Problem.INTERNAL.respond(exchange, "the request could not be answered");
            }
        });
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL, like {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    /** Answers 405 unless the request uses the method. */
    public static boolean requireMethod(HttpExchange exchange, String method) throws IOException {
        if (!exchange.getRequestMethod().equalsIgnoreCase(method)) {
            exchange.getResponseHeaders().add("Allow", method);
            Problem.METHOD_NOT_ALLOWED.respond(exchange, "use " + method);
            return false;
        }
        return true;
    }

    /** Writes a complete response. */
    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * What /health says.
     *
     * @param up           200 when true, else 503
     * @param applications each Kafka Streams application's state as a JSON object (empty where none runs)
     */
    public record HealthReport(boolean up, java.util.List<String> applications) {

        public HealthReport {
            applications = java.util.List.copyOf(applications);
        }

        String json() {
            return "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"applications\":[" + String.join(",", applications)
                    + "]}";
        }
    }
}
