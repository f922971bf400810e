package io.dyadwatch.app;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Alertmanager (Debian package prometheus-alertmanager) on a free port, with a minimal configuration and
 * its storage in a temporary directory; clustering off.
 */
final class AlertmanagerProcess implements AutoCloseable {

    private static final List<String> CANDIDATES = List.of("/usr/bin/prometheus-alertmanager", "/usr/local/bin/alertmanager");

    private final Process process;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AlertmanagerProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** The binary, if installed. */
    static Optional<Path> binary() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isEmpty())
                .flatMap(dir -> Stream.of(Path.of(dir, "prometheus-alertmanager"), Path.of(dir, "alertmanager")));
        return Stream.concat(CANDIDATES.stream().map(Path::of), onPath).filter(Files::isExecutable).findFirst();
    }

    /** Starts it with a minimal configuration (one receiver that sends nowhere) and waits until it reports ready. */
    static AlertmanagerProcess start(Path binary, Path dir) throws IOException {
        return start(binary, dir, Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: blackhole
                receivers:
                  - name: blackhole
                """));
    }

    /** Starts it with the given configuration file and waits until it reports ready. */
    static AlertmanagerProcess start(Path binary, Path dir, Path config) throws IOException {
        Path storage = Files.createDirectories(dir.resolve("data"));
        int port = freePort();
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.path=" + storage,
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile())
                .start();
        AlertmanagerProcess alertmanager = new AlertmanagerProcess(process, "http://127.0.0.1:" + port);
        try {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> process.isAlive() && alertmanager.get("/-/ready").statusCode() == 200);
        } catch (RuntimeException e) {
            alertmanager.close();
            throw new IllegalStateException("Alertmanager did not become ready; its log: "
                    + Files.readString(dir.resolve("alertmanager.log")), e);
        }
        return alertmanager;
    }

    String url() {
        return url;
    }

    /** GET /api/v2/alerts: the alerts Alertmanager holds that have not ended. */
    JsonNode alerts() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v2/alerts");
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/v2/alerts: HTTP " + response.statusCode() + " " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }

    /** GET /api/v2/alerts/groups: the alerts as the route's group_by groups them. */
    JsonNode groups() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v2/alerts/groups");
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/v2/alerts/groups: HTTP " + response.statusCode() + " " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(5)).build(),
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
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
