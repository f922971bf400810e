package io.dyadwatch.app.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The watch floor: a page that polls the query API ({@code /v1/assessments}, {@code /v1/alerts},
 * {@code /v1/dyads/...}) and shows the current assessments, alerts, history and evidence. It serves
 * {@code GET /} (the page) and {@code GET /web/<file>} from the classpath folder {@code web/}; every other path
 * that no other route claims answers 404.
 *
 * <p>Only plain file names of the known types are served (no sub-folders, no dots at the start), so a request
 * cannot reach outside {@code web/}. Responses carry a Content-Security-Policy that allows only this origin's
 * own scripts, styles and API, with no inline script.
 */
public final class WatchFloor {

    /** Path of the page. */
    public static final String PAGE = "/";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final String FOLDER = "web/";
    private static final Pattern FILE_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*\\.(html|js|css|svg|png|ico)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private WatchFloor() {
    }

    /** Adds {@code /} and {@code /web/} to the API. */
    public static void register(HttpApi api) {
        api.route("/", WatchFloor::handle);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        boolean head = method.equalsIgnoreCase("HEAD");
        if (!head && !HttpApi.requireMethod(exchange, "GET")) {
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        String file;
        if (path.equals("/") || path.equals("/index.html")) {
            file = "index.html";
        } else if (path.startsWith("/web/") && FILE_NAME.matcher(path.substring("/web/".length())).matches()) {
            file = path.substring("/web/".length());
        } else {
            notFound(exchange);
            return;
        }
        byte[] body;
        try (InputStream in = WatchFloor.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                notFound(exchange);
                return;
            }
            body = in.readAllBytes();
        }
        String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        secure(exchange);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        secure(exchange);
        Problem.NOT_FOUND.respond(exchange, "no such route; the API is described at /openapi.json");
    }

    private static void secure(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
    }
}
