package io.dyadwatch.model.settings;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Resolves settings in layers: each module's documented defaults (its {@link ConfigDef}), then a properties
 * or YAML file, then the environment ({@code DYADWATCH_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers}),
 * then command-line flags. A key in the file or among the flags that no module defines is an error, so a
 * typo cannot pass silently. Keys under {@value #KAFKA_PREFIX} are passed to every Kafka client unchanged
 * (security settings, for example).
 */
public final class SettingsLayers {

    /** Prefix of keys handed to Kafka clients as they are, without it. */
    public static final String KAFKA_PREFIX = "kafka.";
    /** Prefix of environment variables that set keys. */
    public static final String ENV_PREFIX = "DYADWATCH_";

    private final Map<String, String> values;

    private SettingsLayers(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Resolves the layers.
     *
     * @param defs        every module's definitions that the running command uses
     * @param file        a properties ({@code .properties}) or YAML ({@code .yml}, {@code .yaml}) file, or null
     * @param environment the process environment
     * @param flags       keys set on the command line (already translated from flag names)
     * @throws SettingsException for an unreadable file or an unknown key
     */
    public static SettingsLayers resolve(Collection<ConfigDef> defs, Path file, Map<String, String> environment,
            Map<String, String> flags) {
        Set<String> known = new TreeSet<>();
        defs.forEach(def -> known.addAll(def.names()));
        Map<String, String> merged = new LinkedHashMap<>();
        if (file != null) {
            Map<String, String> fromFile = readFile(file);
            requireKnown(fromFile.keySet(), known, "in " + file);
            merged.putAll(fromFile);
        }
        for (String key : known) {
            String env = environment.get(ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_'));
            if (env != null) {
                merged.put(key, env);
            }
        }
        requireKnown(flags.keySet(), known, "on the command line");
        merged.putAll(flags);
        return new SettingsLayers(merged);
    }

    /** Layers with only the given values (tests, embedded use). */
    public static SettingsLayers of(Map<String, String> values) {
        return new SettingsLayers(values);
    }

    /** The resolved values, to build a module's settings object from. */
    public Map<String, String> values() {
        return values;
    }

    /** The keys under {@value #KAFKA_PREFIX}, with the prefix removed: extra Kafka client properties. */
    public Map<String, Object> kafkaClientOverrides() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX)) {
                overrides.put(k.substring(KAFKA_PREFIX.length()), v);
            }
        });
        return overrides;
    }

    private static void requireKnown(Set<String> keys, Set<String> known, String where) {
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            if (!known.contains(key) && !key.startsWith(KAFKA_PREFIX)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new SettingsException("unknown setting" + (unknown.size() > 1 ? "s " : " ") + unknown + " " + where
                    + "; known settings are " + known + " and kafka.* for Kafka client properties");
        }
    }

    /** YAML that refuses a key given twice in one mapping, with the line of the second. */
    private static final YAMLMapper STRICT_YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static Map<String, String> readFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                try (InputStream in = Files.newInputStream(file)) {
                    JsonNode root;
                    try {
                        root = STRICT_YAML.readTree(in);
                    } catch (StreamReadException e) {
                        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                        throw new SettingsException(file + ":" + line + ": " + e.getOriginalMessage()
                                .replace("Duplicate field", "duplicate key") + "; each setting may appear once");
                    }
                    Map<String, String> flat = new LinkedHashMap<>();
                    if (root != null && !root.isMissingNode() && !root.isNull()) {
                        if (!root.isObject()) {
                            throw new SettingsException(file + " must hold a YAML mapping of settings");
                        }
                        flatten("", root, flat);
                    }
                    return flat;
                }
            }
            KeyRecordingProperties properties = new KeyRecordingProperties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            if (!properties.duplicates.isEmpty()) {
                throw new SettingsException(duplicateKey(file, Files.readAllLines(file), properties.duplicates.get(0)));
            }
            Map<String, String> map = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
            return map;
        } catch (IOException e) {
            throw new SettingsException("cannot read settings file " + file + ": " + e.getMessage());
        }
    }

    /**
     * {@code Properties} keeps the last of two equal keys without a word; this one remembers which keys came again.
     * (No well-kept library reads .properties with line numbers; the JDK's parser is kept for the values.)
     */
    private static final class KeyRecordingProperties extends Properties {
        private static final long serialVersionUID = 1L;
        private final transient List<String> duplicates = new ArrayList<>();

        @Override
        public synchronized Object put(Object key, Object value) {
            if (containsKey(key)) {
                duplicates.add(String.valueOf(key));
            }
            return super.put(key, value);
        }
    }

    /** {@code FILE:LINE: duplicate key 'k' (first on line N)}, the lines found by a plain scan of the file. */
    static String duplicateKey(Path file, List<String> lines, String key) {
        List<Integer> at = new ArrayList<>();
        boolean continued = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean continuation = continued;
            continued = endsWithOddBackslashes(line);
            String text = line.stripLeading();
            if (continuation || text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
                continue;
            }
            if (propertyKey(text).equals(key)) {
                at.add(i + 1);
            }
        }
        String message = "duplicate key '" + key + "'" + (at.size() >= 2 ? " (first on line " + at.get(0) + ")" : "")
                + "; each setting may appear once";
        return file + (at.size() >= 2 ? ":" + at.get(1) : "") + ": " + message;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** The key of a logical line: up to the first unescaped '=', ':' or white space, escapes removed. */
    private static String propertyKey(String text) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                key.append(text.charAt(++i));
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            out.put(prefix, String.join(",", items));
        } else {
            out.put(prefix, node.asText());
        }
    }
}
