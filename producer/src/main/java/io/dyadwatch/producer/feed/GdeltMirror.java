package io.dyadwatch.producer.feed;

import io.dyadwatch.model.channel.CoverageGap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Fetches GDELT 2.0 files from a base URL ({@code http://data.gdeltproject.org/gdeltv2/} or a mirror): the two
 * manifests and each slot's files, by file name. Every failure is a {@link SlotFailure} with a reason: 404/410
 * missing, 429/503 throttled (with the server's {@code Retry-After}, in seconds or as an HTTP date), a file not
 * complete (body included) within the timeout, anything else unreachable.
 */
public final class GdeltMirror {

    /** GDELT's own address. */
    public static final URI GDELT = URI.create("http://data.gdeltproject.org/gdeltv2/");
    /** The newest slot's three files. */
    public static final String LAST_UPDATE = "lastupdate.txt";
    /** Every file ever published. */
    public static final String MASTER_LIST = "masterfilelist.txt";

    private final URI base;
    private final Duration timeout;
    private final HttpClient client;
    private final Clock clock;

    /**
     * @param base    the directory the files are in; a trailing slash is added when missing
     * @param timeout how long one request may take, body included
     * @param clock   reads {@code Retry-After} dates
     */
    public GdeltMirror(URI base, Duration timeout, Clock clock) {
        Objects.requireNonNull(base, "base");
        if (!"http".equalsIgnoreCase(base.getScheme()) && !"https".equalsIgnoreCase(base.getScheme())) {
            throw new IllegalArgumentException("the base URL must be http or https, got '" + base + "'");
        }
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The base URL. */
    public URI base() {
        return base;
    }

    /** A text file (a manifest), as UTF-8. */
    public String text(String name) throws SlotFailure {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /**
     * A manifest, read line by line as it arrives and keeping only the slots wanted (the master list is about a
     * million lines). Its answer must begin within the timeout; its body may take longer.
     */
    public GdeltManifest manifest(String name, java.util.function.Predicate<Slot> wanted) throws SlotFailure {
        HttpResponse<java.util.stream.Stream<String>> response = send(name, HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = response.body()) {
            return GdeltManifest.parse(lines, wanted);
        } catch (java.io.UncheckedIOException e) {
            throw new SlotFailure(CoverageGap.UNREACHABLE, name + ": the answer broke off (" + e.getCause() + ")", null);
        }
    }

    /** A file's bytes. */
    public byte[] bytes(String name) throws SlotFailure {
        return send(name, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private <T> HttpResponse<T> send(String name, HttpResponse.BodyHandler<T> handler) throws SlotFailure {
        URI uri = base.resolve(name);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<T> response;
        java.util.concurrent.CompletableFuture<HttpResponse<T>> pending = client.sendAsync(request, handler);
        try {
            // the request's own timeout ends with the headers; this one also bounds a body that trickles
            response = pending.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            pending.cancel(true);
            throw new SlotFailure(CoverageGap.TIMEOUT, name + ": no complete answer within " + timeout, null);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw new SlotFailure(CoverageGap.TIMEOUT, name + ": no complete answer within " + timeout, null);
            }
            throw new SlotFailure(CoverageGap.UNREACHABLE, name + ": " + e.getCause(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlotFailure(CoverageGap.UNREACHABLE, name + ": interrupted", null);
        }
        int status = response.statusCode();
        if (status == 200) {
            return response;
        }
        if (response.body() instanceof AutoCloseable open) {
            try {
                open.close();
            } catch (Exception e) {
                // nothing more to read from a refused answer
            }
        }
        if (status == 404 || status == 410) {
            throw new SlotFailure(CoverageGap.MISSING, name + ": HTTP " + status + " (not served)", null);
        }
        if (status == 429 || status == 503) {
            Duration wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
            throw new SlotFailure(CoverageGap.THROTTLED, name + ": HTTP " + status
                    + (wait == null ? "" : ", Retry-After " + wait.toSeconds() + " s"), wait);
        }
        throw new SlotFailure(CoverageGap.UNREACHABLE, name + ": HTTP " + status, null);
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.matches("[0-9]{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration wait = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
