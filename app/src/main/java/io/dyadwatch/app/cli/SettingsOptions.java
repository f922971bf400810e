package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.settings.SettingsException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options every command that talks to Kafka shares. Settings resolve in layers: defaults, then the
 * {@code --config} file, then {@code DYADWATCH_*} environment variables, then flags.
 */
public final class SettingsOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (.properties or .yml/.yaml); unknown keys are an error.")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers (setting bootstrap.servers; environment DYADWATCH_BOOTSTRAP_SERVERS; default 127.0.0.1:9092).")
    String bootstrapServers;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Scenario and indicator catalog (YAML) instead of the bundled one (setting catalog.file).")
    Path catalog;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Any setting, e.g. --set topic.partitions=6 or --set kafka.security.protocol=SSL. Repeatable.")
    List<String> sets = List.of();

    /** Resolves the settings with these options and the command's own flags (which win). */
    public Settings resolve(Map<String, String> commandFlags) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new SettingsException("--set needs KEY=VALUE, got '" + set + "'");
            }
            flags.put(set.substring(0, eq).trim(), set.substring(eq + 1).trim());
        }
        if (catalog != null) {
            flags.put("catalog.file", catalog.toString());
        }
        if (bootstrapServers != null) {
            flags.put("bootstrap.servers", bootstrapServers);
        }
        flags.putAll(commandFlags);
        return Settings.resolve(config, System.getenv(), flags);
    }
}
