package io.dyadwatch.alerts.sink;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP endpoint a sink posts to. Credentials in the URL's user-info become a Basic {@code Authorization}
 * header and are removed from the URI. Only {@link #display()} (scheme, host and port) may be logged: webhook
 * URLs often carry a secret token in their path or query.
 *
 * @param uri           where to send, without user-info
 * @param authorization the Authorization header value, or null
 */
public record SinkEndpoint(URI uri, String authorization) {

    public SinkEndpoint {
        Objects.requireNonNull(uri, "uri");
    }

    /** Parses an absolute http(s) URL; the exception message never contains the URL. */
    public static SinkEndpoint parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http:// or https:// URL with a host");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return new SinkEndpoint(uri, null);
        }
        String decoded = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
        String header = "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
        try {
            return new SinkEndpoint(new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(),
                    uri.getQuery(), uri.getFragment()), header);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL (" + e.getReason() + ")");
        }
    }

    /** This endpoint with a path appended to its own (for {@code /api/v2/alerts}). */
    public SinkEndpoint resolve(String path) {
        String base = uri.toString();
        String joined = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
        return new SinkEndpoint(URI.create(joined), authorization);
    }

    public Optional<String> authorizationHeader() {
        return Optional.ofNullable(authorization);
    }

    /** Scheme, host and port only: safe to log. */
    public String display() {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** Never the URL or the credentials. */
    @Override
    public String toString() {
        return display();
    }
}
