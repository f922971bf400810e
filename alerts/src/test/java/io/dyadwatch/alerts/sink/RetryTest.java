package io.dyadwatch.alerts.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sinks retry with jitter, and no sooner than a receiver's Retry-After on 429 and 503. */
class RetryTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private final AtomicReference<String[]> answer = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String[] a = answer.get();
            if (a.length > 1) {
                exchange.getResponseHeaders().set("Retry-After", a[1]);
            }
            byte[] body = "busy".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(a[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldSpreadRetriesBetweenHalfAndAllOfTheBackoff() {
        Set<Duration> waits = new HashSet<>();
        for (double r = 0; r < 1; r += 0.1) {
            Duration wait = backoff.jittered(3, r);
            assertThat(wait).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
            waits.add(wait);
        }
        assertThat(waits).hasSizeGreaterThan(5);
        assertThat(backoff.jittered(20, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldWaitAtLeastTheRetryAfterOfA429Or503() throws Exception {
        answer.set(new String[] {"429", "120"});
        Throwable tooMany = catchThrowable(this::post);
        answer.set(new String[] {"503", "7"});
        Throwable unavailable = catchThrowable(this::post);

        assertThat(tooMany).isInstanceOf(RetryLaterException.class).hasMessageContaining("HTTP 429");
        assertThat(((RetryLaterException) tooMany).retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.afterFailure(1, (Exception) tooMany, 0.5)).isEqualTo(Duration.ofSeconds(120));
        assertThat(((RetryLaterException) unavailable).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        // a Retry-After shorter than the backoff does not hurry the sink
        assertThat(backoff.afterFailure(6, (Exception) unavailable, 0.0)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void shouldFallBackToTheBackoffWithoutRetryAfterOrOnOtherStatuses() throws Exception {
        answer.set(new String[] {"503"});
        Throwable withoutHeader = catchThrowable(this::post);
        answer.set(new String[] {"500", "60"});
        Throwable serverError = catchThrowable(this::post);

        assertThat(withoutHeader).isInstanceOf(IOException.class).isNotInstanceOf(RetryLaterException.class);
        assertThat(serverError).isInstanceOf(IOException.class).isNotInstanceOf(RetryLaterException.class);
        assertThat(backoff.afterFailure(1, (Exception) serverError, 0.0)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void shouldReadRetryAfterAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        assertThat(HttpTransport.retryAfter("30", now)).hasValue(Duration.ofSeconds(30));
        assertThat(HttpTransport.retryAfter("Tue, 01 Dec 2026 10:02:00 GMT", now)).hasValue(Duration.ofMinutes(2));
        assertThat(HttpTransport.retryAfter("Tue, 01 Dec 2026 09:00:00 GMT", now)).hasValue(Duration.ZERO);
        assertThat(HttpTransport.retryAfter("soon", now)).isEmpty();
        assertThat(HttpTransport.retryAfter(null, now)).isEmpty();
        assertThat(new RetryLaterException("x", Duration.ofDays(2)).retryAfter()).isEqualTo(Duration.ofHours(1));
    }

    private void post() throws Exception {
        new HttpTransport(Duration.ofSeconds(5)).postJson(
                SinkEndpoint.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
