package io.dyadwatch.app.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Bearer-token check for API routes: when a token is configured, a request without
 * {@code Authorization: Bearer <token>} gets 401. The comparison takes constant time; the token is never
 * logged or echoed.
 */
public final class RequestGuard {

    private final byte[] expected;

    /** @param token the required token, or null for open access */
    public RequestGuard(String token) {
        this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** True when the request may proceed; otherwise answers 401 and returns false. */
    public boolean admit(HttpExchange exchange) throws IOException {
        if (expected == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        Problem.UNAUTHORIZED.respond(exchange, "a bearer token is required: Authorization: Bearer <token>");
        return false;
    }
}
