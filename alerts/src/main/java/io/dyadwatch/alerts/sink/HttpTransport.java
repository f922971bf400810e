package io.dyadwatch.alerts.sink;

import io.dyadwatch.model.alert.Alert;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * {@link Transport} over the JDK's {@link HttpClient} (no extra dependency), with connect and request timeouts.
 * Error messages name the endpoint by {@link Endpoint#display()} only, never its path, query or credentials.
 */
public final class HttpTransport implements Transport {

    private static final Set<Integer> REJECTED = Set.of(400, 413, 422);
    private static final int MAX_ERROR_BODY = 200;

    private final HttpClient client;
    private final Duration timeout;

    public HttpTransport(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    @Override
    public void postJson(Endpoint endpoint, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.uri())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "dyadwatch/" + Alert.VERSION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        endpoint.authorizationHeader().ifPresent(auth -> request.header("Authorization", auth));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("no answer from " + endpoint.display() + ": " + e.getClass().getSimpleName(), e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String message = "HTTP " + status + " from " + endpoint.display() + ": " + excerpt(response.body());
        if (REJECTED.contains(status)) {
            throw new RejectedException(message);
        }
        throw new IOException(message);
    }

    private static String excerpt(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() <= MAX_ERROR_BODY ? oneLine : oneLine.substring(0, MAX_ERROR_BODY) + "...";
    }
}
