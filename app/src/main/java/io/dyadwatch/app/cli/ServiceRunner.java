package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.AlertConsole;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs services in the foreground until SIGTERM/Ctrl-C (exit 0) or a failure (exit 1). */
final class ServiceRunner {

    private ServiceRunner() {
    }

    /** The flags of several option groups, later ones winning. */
    @SafeVarargs
    static java.util.Map<String, String> merge(java.util.Map<String, String>... groups) {
        java.util.Map<String, String> merged = new java.util.LinkedHashMap<>();
        for (java.util.Map<String, String> group : groups) {
            merged.putAll(group);
        }
        return merged;
    }

    static int run(String name, Settings settings, List<Services.Part> parts, boolean printAlerts, PrintWriter out,
            PrintWriter err) throws InterruptedException {
        return run(name, settings, parts, printAlerts, out, err, services -> () -> { });
    }

    /** As above, with something started once the services run (a feed) and closed before them. */
    static int run(String name, Settings settings, List<Services.Part> parts, boolean printAlerts, PrintWriter out,
            PrintWriter err, java.util.function.Function<Services, AutoCloseable> alongside) throws InterruptedException {
        Services services = Services.start(settings, parts);
        AutoCloseable extra = alongside.apply(services);
        AlertConsole console = printAlerts
                ? new AlertConsole(settings.common(), settings.kafkaOverrides(), out).start()
                : null;
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            stopping.set(true);
            if (console != null) {
                console.close();
            }
            try {
                extra.close();
            } catch (Exception e) {
                err.println("dyadwatch " + name + ": while stopping: " + e.getMessage());
            }
            services.close();
        }, "dyadwatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("dyadwatch " + name + " running against " + settings.common().bootstrapServers());
        if (parts.contains(Services.Part.STREAMS)) {
            out.println("  watch floor: " + services.http().baseUrl() + "/");
        }
        out.println("  api:     " + services.http().baseUrl() + "/openapi.json");
        out.println("  metrics: " + services.http().baseUrl() + "/metrics");
        out.println("  health:  " + services.http().baseUrl() + "/health");
        if (parts.contains(Services.Part.INGESTION)) {
            out.println("  ingest:  POST " + services.http().baseUrl() + "/v1/events");
        }
        out.flush();
        Throwable failure = services.awaitFailure();
        if (stopping.get()) {
            return 0;
        }
        err.println("dyadwatch " + name + ": stopped: " + failure);
        err.flush();
        return 1;
    }
}
