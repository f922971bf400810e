package io.dyadwatch.catalog.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Calibrated thresholds kept in a resource so that loading the catalog does not re-run the simulation: written by
 * {@code dyadwatch catalog calibrate --write}, used only when its key matches the catalog's fingerprint and the
 * calibration's version ({@link #key}); any change to the catalog, its records or the calibration makes it stale, and
 * the model then calibrates on first use instead. A test keeps the shipped file current.
 *
 * @param key        {@link #key} of the catalog it was calibrated for
 * @param thresholds per dyad key
 */
public record StoredCalibration(String key, Map<String, CusumThresholds> thresholds) {

    /** Where the shipped calibration lives on the class path. */
    public static final String RESOURCE = "/catalog/dyadwatch-calibration.json";

    public StoredCalibration {
        Objects.requireNonNull(key, "key");
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    /** The key a calibration of this catalog carries: its fingerprint and the calibration's version. */
    public static String key(io.dyadwatch.catalog.Catalog catalog) {
        return catalog.fingerprint() + ":calibration-v" + ThresholdCalibrator.VERSION;
    }

    /** The shipped calibration, if it is there and was made for this catalog. */
    static Map<Dyad, CusumThresholds> shippedFor(io.dyadwatch.catalog.Catalog catalog) {
        try (InputStream in = StoredCalibration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Map.of();
            }
            StoredCalibration stored = Json.MAPPER.readValue(in, StoredCalibration.class);
            if (!stored.key().equals(key(catalog))) {
                return Map.of();
            }
            Map<Dyad, CusumThresholds> byDyad = new LinkedHashMap<>();
            stored.thresholds().forEach((d, t) -> byDyad.put(Dyad.parse(d), t));
            return byDyad;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A fresh calibration of every dyad of a model's catalog, as JSON for {@link #RESOURCE}. */
    public static String calibrateAll(ScenarioModel model) {
        Map<String, CusumThresholds> all = new LinkedHashMap<>();
        model.catalog().dyads().keySet().forEach(d -> all.put(d.key(), model.calibrate(d)));
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(new StoredCalibration(key(model.catalog()), all)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a calibration", e);
        }
    }

    /** Reads a calibration written by {@link #calibrateAll}. */
    public static StoredCalibration parse(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<StoredCalibration>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored calibration: " + e.getOriginalMessage(), e);
        }
    }
}
