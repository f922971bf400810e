package io.dyadwatch.catalog.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML tree node that remembers the line it starts on (Jackson's own tree forgets locations). */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** 1-based line where the node starts. */
    int line();

    /** A human name for the node's kind, for messages. */
    String kind();

    /**
     * A scalar.
     *
     * @param value String, Long, Double, Boolean or null
     */
    record Scalar(Object value, int line) implements YamlNode {
        @Override
        public String kind() {
            if (value == null) {
                return "null";
            }
            if (value instanceof Number) {
                return "number";
            }
            return value instanceof Boolean ? "boolean" : "text";
        }

        String text() {
            return value == null ? "" : String.valueOf(value);
        }
    }

    /** A key and its value; the key's line is where a problem with the key is reported. */
    record Entry(String key, int keyLine, YamlNode value) {
    }

    /** A mapping, in file order. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "mapping";
        }

        YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "list";
        }
    }
}
