package io.dyadwatch.app;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian package prometheus) on a free port, scraping one DyadWatch every second as job
 * {@code dyadwatch} and loading the stack's rule file; configuration and storage in a temporary directory.
 */
final class PrometheusProcess implements AutoCloseable {

    private final Process process;
    private final String url;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusProcess(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Starts it and waits until it reports ready. */
    static PrometheusProcess start(Path binary, Path dir, String scrapeTarget, Path rules) throws IOException {
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: dyadwatch
                    static_configs:
                      - targets: ["%s"]
                        labels: {service: run}
                """.formatted(rules.toAbsolutePath(), scrapeTarget));
        Path storage = Files.createDirectories(dir.resolve("tsdb"));
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + storage, "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrometheusProcess prometheus = new PrometheusProcess(process, "http://127.0.0.1:" + port, log);
        try {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> process.isAlive() && prometheus.get("/-/ready").statusCode() == 200);
        } catch (RuntimeException e) {
            prometheus.close();
            throw new IllegalStateException("Prometheus did not become ready; its log: " + Files.readString(log), e);
        }
        return prometheus;
    }

    /** GET /api/v1/query: the {@code data.result} array of an instant query at the current time. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode body = Json.MAPPER.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalArgumentException("query " + promql + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return body.path("data").path("result");
    }

    /** GET /api/v1/query_range: the {@code data.result} matrix between the instants, one point a second. */
    JsonNode queryRange(String promql, java.time.Instant start, java.time.Instant end) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&start=" + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=1");
        JsonNode body = Json.MAPPER.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalArgumentException("query " + promql + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return body.path("data").path("result");
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
