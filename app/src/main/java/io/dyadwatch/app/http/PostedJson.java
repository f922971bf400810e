package io.dyadwatch.app.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The checks every JSON {@code POST} route makes before it reads its body, in order: the method (405), the bearer
 * token (401), a body declared as JSON (415; no {@code Content-Type} is read as JSON) and its size (413).
 */
final class PostedJson {

    private PostedJson() {
    }

    /**
     * The request's body, or null when the request has been answered with a problem.
     *
     * @param what    what the route takes, for the 415 detail ("events", "the correction")
     * @param outcome told {@code unauthorized}, {@code unsupported_media_type} or {@code too_large} when it refuses
     */
    static byte[] body(HttpExchange exchange, RequestGuard guard, int maxBodyBytes, String what,
            Consumer<String> outcome) throws IOException {
        if (!HttpApi.requireMethod(exchange, "POST")) {
            return null;
        }
        if (!guard.admit(exchange)) {
            outcome.accept("unauthorized");
            return null;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!isJson(contentType)) {
            outcome.accept("unsupported_media_type");
            Problem.UNSUPPORTED_MEDIA_TYPE.respond(exchange, "the body is declared as '" + mediaType(contentType)
                    + "'; send " + what + " as application/json");
            return null;
        }
        byte[] body = exchange.getRequestBody().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            outcome.accept("too_large");
            Problem.BODY_TOO_LARGE.respond(exchange, "the body is larger than " + maxBodyBytes + " bytes");
            return null;
        }
        return body;
    }

    /** True for no declared type (read as JSON), {@code application/json} and any {@code +json} type. */
    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = mediaType(contentType);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        // what is echoed in a problem's detail stays short and printable
        return type.length() > 100 || !type.matches("[a-z0-9!#$&^_.+/-]*") ? "(unreadable)" : type;
    }
}
