package io.dyadwatch.catalog.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dyadwatch.catalog.CatalogProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML text into a {@link YamlNode} tree with line numbers, reporting syntax errors and duplicate keys. */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTreeReader() {
    }

    /** The document's root, or null when it cannot be read (the reason is added to {@code problems}). */
    static YamlNode read(String text, List<CatalogProblem> problems) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                problems.add(new CatalogProblem(1, "", "the file is empty; expected a mapping with version, scenarios, indicators, sourceGrades and dyads"));
                return null;
            }
            return readValue(parser, token, "", problems);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            problems.add(new CatalogProblem(line, "", "not valid YAML: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YamlNode readValue(JsonParser parser, JsonToken token, String path, List<CatalogProblem> problems)
            throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    YamlNode value = readValue(parser, parser.nextToken(), childPath, problems);
                    if (entries.containsKey(key)) {
                        problems.add(new CatalogProblem(keyLine, childPath, "duplicate key '" + key
                                + "' (first on line " + entries.get(key).keyLine() + "); each key may appear once"));
                    } else {
                        entries.put(key, new YamlNode.Entry(key, keyLine, value));
                    }
                }
                return new YamlNode.Mapping(entries, line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                int index = 0;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(readValue(parser, t, path + "[" + index++ + "]", problems));
                }
                return new YamlNode.Sequence(items, line);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(parser.getText(), line);
            }
            case VALUE_NUMBER_INT -> {
                return new YamlNode.Scalar(parser.getLongValue(), line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(parser.getDoubleValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(token == JsonToken.VALUE_TRUE, line);
            }
            default -> {
                return new YamlNode.Scalar(null, line);
            }
        }
    }
}
