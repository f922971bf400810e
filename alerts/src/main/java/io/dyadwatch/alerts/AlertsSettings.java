package io.dyadwatch.alerts;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** Settings of the alerts module, with documented defaults. */
public final class AlertsSettings extends AbstractConfig {

    public static final String APPLICATION_ID = "alerts.application.id";
    public static final String STATE_DIR = "alerts.state.dir";
    public static final String PROCESSING_GUARANTEE = "alerts.processing.guarantee";
    public static final String RULES_FILE = "alerts.rules.file";

    /** The definitions, with their documented defaults. */
    public static final ConfigDef DEF = new ConfigDef()
            .define(APPLICATION_ID, Type.STRING, "dyadwatch-alerts", Importance.HIGH,
                    "Kafka Streams application id of the alert rules.")
            .define(STATE_DIR, Type.STRING,
                    Path.of(System.getProperty("java.io.tmpdir"), "dyadwatch-alerts-state").toString(),
                    Importance.MEDIUM, "Directory of the alert rules' state (alert lifecycle).")
            .define(PROCESSING_GUARANTEE, Type.STRING, "exactly_once_v2",
                    ValidString.in("exactly_once_v2", "at_least_once"), Importance.MEDIUM,
                    "exactly_once_v2 (default): each alert is written once to the alerts topic.")
            .define(RULES_FILE, Type.STRING, "", Importance.MEDIUM,
                    "Alert rules (YAML); empty for the rules shipped in the jar (rules/dyadwatch-rules.yml).");

    public AlertsSettings(Map<String, ?> values) {
        super(DEF, values, false);
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public String stateDir() {
        return getString(STATE_DIR);
    }

    public String processingGuarantee() {
        return getString(PROCESSING_GUARANTEE);
    }

    /** The rules file to use instead of the bundled one, or null. */
    public java.nio.file.Path rulesFile() {
        String file = getString(RULES_FILE);
        return file == null || file.isBlank() ? null : java.nio.file.Path.of(file);
    }
}
