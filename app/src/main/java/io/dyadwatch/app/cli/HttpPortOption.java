package io.dyadwatch.app.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** The HTTP port of a service command. */
public final class HttpPortOption {

    @Option(names = "--http-port", paramLabel = "N", description = "HTTP port (setting http.port, default 8080; 0 = free port).")
    Integer httpPort;

    /** The setting this option sets, if given. */
    Map<String, String> flags() {
        return httpPort == null ? Map.of() : Map.of("http.port", httpPort.toString());
    }
}
