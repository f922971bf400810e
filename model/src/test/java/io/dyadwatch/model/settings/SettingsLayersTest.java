package io.dyadwatch.model.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLayersTest {

    @TempDir
    Path dir;

    @Test
    void shouldLetFileThenEnvironmentThenFlagsOverrideDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("dw.yml"), "topic:\n  prefix: test.\n  partitions: 6\nbootstrap.servers: file:1\n");

        SettingsLayers layers = SettingsLayers.resolve(List.of(CommonSettings.DEF), file,
                Map.of("DYADWATCH_BOOTSTRAP_SERVERS", "env:2", "DYADWATCH_TOPIC_PARTITIONS", "9"),
                Map.of("topic.partitions", "12"));
        CommonSettings settings = new CommonSettings(layers.values());

        assertThat(settings.topics().events().name()).isEqualTo("test.events");
        assertThat(settings.bootstrapServers()).isEqualTo("env:2");
        assertThat(settings.partitions()).isEqualTo(12);
        assertThat(new CommonSettings(Map.of()).partitions()).isEqualTo(3);
    }

    @Test
    void shouldRefuseAnUnknownKeyInAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("dw.properties"), "bootstrap.server=typo:1\n");

        assertThatThrownBy(() -> SettingsLayers.resolve(List.of(CommonSettings.DEF), file, Map.of(), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("bootstrap.server")
                .hasMessageContaining("dw.properties");
    }

    @Test
    void shouldRefuseADuplicateKeyInAPropertiesFileWithFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("dw.properties"), "# settings\nbootstrap.servers=a:1\n"
                + "topic.prefix = x. \\\n    continued\n\nbootstrap.servers: b:2\n");

        assertThatThrownBy(() -> SettingsLayers.resolve(List.of(CommonSettings.DEF), file, Map.of(), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessage(file + ":6: duplicate key 'bootstrap.servers' (first on line 2); each setting may appear once");
    }

    @Test
    void shouldRefuseADuplicateKeyInAYamlFileWithFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("dw.yml"), "topic:\n  prefix: a.\n  partitions: 3\n  prefix: b.\n");

        assertThatThrownBy(() -> SettingsLayers.resolve(List.of(CommonSettings.DEF), file, Map.of(), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(file + ":4: duplicate key 'prefix'");
    }

    @Test
    void shouldRefuseAnUnknownFlagButPassKafkaClientKeysThrough() {
        assertThatThrownBy(() -> SettingsLayers.resolve(List.of(CommonSettings.DEF), null, Map.of(), Map.of("nope", "1")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("nope");

        SettingsLayers layers = SettingsLayers.resolve(List.of(CommonSettings.DEF), null, Map.of(),
                Map.of("kafka.security.protocol", "SSL"));

        assertThat(layers.kafkaClientOverrides()).containsEntry("security.protocol", "SSL");
    }

    @Test
    void shouldRefuseAnUnknownWatchedCountry() {
        assertThatThrownBy(() -> new CommonSettings(Map.of("dyads", "CHN-XYZ")))
                .hasMessageContaining("XYZ");
    }
}
