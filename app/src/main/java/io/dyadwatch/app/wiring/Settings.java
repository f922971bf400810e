package io.dyadwatch.app.wiring;

import io.dyadwatch.alerts.AlertsSettings;
import io.dyadwatch.alerts.sink.SinkSettings;
import io.dyadwatch.model.settings.CommonSettings;
import io.dyadwatch.model.settings.SettingsException;
import io.dyadwatch.model.settings.SettingsLayers;
import io.dyadwatch.streams.StreamsSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Every module's settings, resolved once from the layers: defaults, file, environment, flags.
 *
 * @param common  shared settings
 * @param streams the topology's
 * @param alerts  the alert rules'
 * @param sinks   the alert sinks'
 * @param app     the HTTP API's
 * @param layers  the resolved values, for Kafka client overrides
 */
public record Settings(CommonSettings common, StreamsSettings streams, AlertsSettings alerts, SinkSettings sinks,
        AppSettings app, SettingsLayers layers) {

    /** Every module's definitions: the keys a file or flag may set. */
    public static final List<ConfigDef> DEFS =
            List.of(CommonSettings.DEF, StreamsSettings.DEF, AlertsSettings.DEF, SinkSettings.DEF, AppSettings.DEF);

    /** Resolves the layers; throws {@link SettingsException} with a readable message on any bad key or value. */
    public static Settings resolve(Path file, Map<String, String> environment, Map<String, String> flags) {
        return of(SettingsLayers.resolve(DEFS, file, environment, flags));
    }

    /** Builds the settings objects from resolved values. */
    public static Settings of(SettingsLayers layers) {
        try {
            Map<String, String> values = layers.values();
            return new Settings(new CommonSettings(values), new StreamsSettings(values), new AlertsSettings(values),
                    new SinkSettings(values), new AppSettings(values), layers);
        } catch (ConfigException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    /** Extra Kafka client properties from {@code kafka.*} keys. */
    public Map<String, Object> kafkaOverrides() {
        return layers.kafkaClientOverrides();
    }
}
