package io.dyadwatch.alerts.sink;

import io.dyadwatch.model.alert.Alert;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Transport} over the JDK's {@link HttpClient} (no extra dependency), with connect and request timeouts.
 * Error messages name the endpoint by {@link SinkEndpoint#display()} only, never its path, query or credentials.
 * 400, 413 and 422 are {@link RejectedException} (never retried); 429 and 503 with a {@code Retry-After} header are
 * {@link RetryLaterException}, so the sink waits as long as the receiver asked.
 */
public final class HttpTransport implements Transport {

    private static final Set<Integer> REJECTED = Set.of(400, 413, 422);
    private static final Set<Integer> RETRY_LATER = Set.of(429, 503);
    private static final int MAX_ERROR_BODY = 200;

    private final HttpClient client;
    private final Duration timeout;

    public HttpTransport(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    @Override
    public void postJson(SinkEndpoint endpoint, byte[] body) throws IOException, InterruptedException {
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
        if (RETRY_LATER.contains(status)) {
            Optional<Duration> retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null),
                    Instant.now());
            if (retryAfter.isPresent()) {
                throw new RetryLaterException(message + " (Retry-After " + retryAfter.get().toSeconds() + " s)",
                        retryAfter.get());
            }
        }
        throw new IOException(message);
    }

    /**
     * A {@code Retry-After} value (RFC 9110 10.2.3): delay-seconds or an HTTP-date; empty when absent or unreadable.
     */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException e) {
                return Optional.of(RetryLaterException.MAX_RETRY_AFTER); // more digits than a long: "a very long time"
            }
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String excerpt(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() <= MAX_ERROR_BODY ? oneLine : oneLine.substring(0, MAX_ERROR_BODY) + "...";
    }
}
