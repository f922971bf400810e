package io.dyadwatch.catalog;

import io.dyadwatch.catalog.load.CatalogReader;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scenario and indicator catalog: scenarios, indicators with their matchers and relative rates (the Indicators
 * Validator matrix), source-grade weights, CUSUM calibration settings, and watched dyads with baselines and priors.
 * Immutable and thread-safe. Build the {@link io.dyadwatch.catalog.model.ScenarioModel} from it once.
 */
public final class Catalog {

    /** Where the default catalog lives on the class path. */
    public static final String DEFAULT_RESOURCE = "/catalog/dyadwatch-catalog.yml";

    /** The only format version this code reads. */
    public static final int FORMAT_VERSION = 1;

    private final String origin;
    private final Map<Scenario, ScenarioDefinition> scenarios;
    private final Map<String, String> families;
    private final Map<String, List<String>> indicatorsByFamily;
    private final List<Indicator> indicators;
    private final Map<String, Indicator> indicatorsById;
    private final Map<EventType, List<Indicator>> indicatorsByType;
    private final SourceWeighting sourceWeighting;
    private final CusumSettings cusum;
    private final Map<Dyad, DyadProfile> dyads;
    private final Dyad defaultDyad;
    private final String fingerprint;

    /**
     * A catalog from its parts; checks that they fit together.
     *
     * @param origin          where it was read from, for messages
     * @param scenarios       a definition of every scenario
     * @param families        activity families, id to title, in catalog order; every indicator's family among them
     * @param indicators      at least one, distinct ids
     * @param sourceWeighting grade weights
     * @param cusum           CUSUM calibration settings
     * @param dyads           watched dyads, with a baseline for every indicator
     * @param defaultDyad     one of {@code dyads}
     * @param fingerprint     a digest of everything the catalog was read from (its text and its reference records):
     *                        equal fingerprints, equal catalogs; the key of a stored calibration
     */
    public Catalog(String origin, Map<Scenario, ScenarioDefinition> scenarios, Map<String, String> families,
                   List<Indicator> indicators, SourceWeighting sourceWeighting, CusumSettings cusum,
                   List<DyadProfile> dyads, Dyad defaultDyad, String fingerprint) {
        this.origin = Objects.requireNonNull(origin, "origin");
        EnumMap<Scenario, ScenarioDefinition> s = new EnumMap<>(Scenario.class);
        s.putAll(scenarios);
        for (Scenario sc : Scenario.values()) {
            if (!s.containsKey(sc)) {
                throw new IllegalArgumentException("missing scenario " + sc);
            }
        }
        this.scenarios = Collections.unmodifiableMap(s);
        if (indicators.isEmpty()) {
            throw new IllegalArgumentException("a catalog needs at least one indicator");
        }
        this.indicators = List.copyOf(indicators);
        Map<String, Indicator> byId = new LinkedHashMap<>();
        EnumMap<EventType, List<Indicator>> byType = new EnumMap<>(EventType.class);
        for (Indicator i : this.indicators) {
            if (byId.put(i.id(), i) != null) {
                throw new IllegalArgumentException("duplicate indicator id " + i.id());
            }
            i.matcher().types().forEach(t -> byType.computeIfAbsent(t, k -> new ArrayList<>()).add(i));
        }
        byType.replaceAll((t, list) -> List.copyOf(list));
        this.families = Collections.unmodifiableMap(new LinkedHashMap<>(families));
        Map<String, List<String>> byFamily = new LinkedHashMap<>();
        this.families.keySet().forEach(f -> byFamily.put(f, new ArrayList<>()));
        for (Indicator i : this.indicators) {
            List<String> members = byFamily.get(i.family());
            if (members == null) {
                throw new IllegalArgumentException("indicator " + i.id() + " is in unknown family '" + i.family()
                        + "'; families: " + this.families.keySet());
            }
            members.add(i.id());
        }
        byFamily.replaceAll((f, list) -> List.copyOf(list));
        this.indicatorsByFamily = Collections.unmodifiableMap(byFamily);
        this.indicatorsById = Collections.unmodifiableMap(byId);
        this.indicatorsByType = Collections.unmodifiableMap(byType);
        this.sourceWeighting = Objects.requireNonNull(sourceWeighting, "sourceWeighting");
        this.cusum = Objects.requireNonNull(cusum, "cusum");
        Map<Dyad, DyadProfile> d = new LinkedHashMap<>();
        for (DyadProfile p : dyads) {
            if (d.put(p.dyad(), p) != null) {
                throw new IllegalArgumentException("duplicate dyad " + p.dyad());
            }
            for (String id : byId.keySet()) {
                p.baseline(id);
            }
            for (String id : p.baseline().keySet()) {
                if (!byId.containsKey(id)) {
                    throw new IllegalArgumentException(p.dyad() + " has a baseline for unknown indicator " + id);
                }
            }
        }
        this.dyads = Collections.unmodifiableMap(d);
        if (!d.containsKey(defaultDyad)) {
            throw new IllegalArgumentException("default dyad " + defaultDyad + " is not among the watched dyads " + d.keySet());
        }
        this.defaultDyad = defaultDyad;
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The catalog shipped in the jar. */
    public static Catalog loadDefault() {
        try (InputStream in = Catalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default catalog " + DEFAULT_RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A catalog file.
     *
     * @throws CatalogException listing every problem when the file is invalid
     * @throws UncheckedIOException when it cannot be read
     */
    public static Catalog load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A catalog from YAML text.
     *
     * @throws CatalogException listing every problem when the text is invalid
     */
    public static Catalog parse(String yaml, String origin) {
        return CatalogReader.read(yaml, origin);
    }

    /** The ids of the indicators this event counts for, in catalog order; often none, sometimes several. */
    public List<String> indicatorsFor(Event event) {
        List<Indicator> candidates = indicatorsByType.get(event.type());
        if (candidates == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(2);
        for (Indicator i : candidates) {
            if (i.matcher().matches(event)) {
                ids.add(i.id());
            }
        }
        return ids;
    }

    /** A digest (SHA-256, hex) of the catalog's text and reference records, line endings normalised. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Where this catalog was read from. */
    public String origin() {
        return origin;
    }

    /** Every scenario's definition. */
    public Map<Scenario, ScenarioDefinition> scenarios() {
        return scenarios;
    }

    /** Activity families, id to title, in catalog order. */
    public Map<String, String> families() {
        return families;
    }

    /** The ids of a family's indicators, in catalog order. */
    public List<String> indicatorsOf(String family) {
        List<String> ids = indicatorsByFamily.get(family);
        if (ids == null) {
            throw new IllegalArgumentException("unknown family '" + family + "'; families: " + families.keySet());
        }
        return ids;
    }

    /** Indicators in catalog order. */
    public List<Indicator> indicators() {
        return indicators;
    }

    /** An indicator by id. */
    public Indicator indicator(String id) {
        Indicator i = indicatorsById.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown indicator '" + id + "'");
        }
        return i;
    }

    /** Grade weights and corroboration. */
    public SourceWeighting sourceWeighting() {
        return sourceWeighting;
    }

    /** CUSUM calibration settings. */
    public CusumSettings cusum() {
        return cusum;
    }

    /** Watched dyads and groups, in catalog order. */
    public Map<Dyad, DyadProfile> dyads() {
        return dyads;
    }

    /** A watched dyad's profile. */
    public DyadProfile dyad(Dyad dyad) {
        DyadProfile p = dyads.get(dyad);
        if (p == null) {
            throw new IllegalArgumentException("dyad " + dyad + " is not watched; watched: " + dyads.keySet());
        }
        return p;
    }

    /** The dyad watched when none is named (CHN-RUS in the shipped catalog). */
    public Dyad defaultDyad() {
        return defaultDyad;
    }
}
