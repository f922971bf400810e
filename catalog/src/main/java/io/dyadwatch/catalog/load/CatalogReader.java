package io.dyadwatch.catalog.load;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.CatalogException;
import io.dyadwatch.catalog.CatalogProblem;
import io.dyadwatch.catalog.Citation;
import io.dyadwatch.catalog.CusumSettings;
import io.dyadwatch.catalog.DyadProfile;
import io.dyadwatch.catalog.Indicator;
import io.dyadwatch.catalog.IndicatorExample;
import io.dyadwatch.catalog.ScenarioDefinition;
import io.dyadwatch.catalog.SignatureJudgement;
import io.dyadwatch.catalog.baseline.BaselineDerivation;
import io.dyadwatch.catalog.baseline.BaselineInfo;
import io.dyadwatch.catalog.baseline.RecordResource;
import io.dyadwatch.catalog.baseline.ReferenceWindow;
import io.dyadwatch.catalog.model.Quarter;
import io.dyadwatch.catalog.SourceWeighting;
import io.dyadwatch.catalog.match.AttributePredicate;
import io.dyadwatch.catalog.match.EventMatcher;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import io.dyadwatch.model.event.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and checks a catalog YAML document, collecting every problem with its line, field and a message saying what
 * is wrong and what is allowed. The format is described in {@code docs/catalog.md}.
 */
public final class CatalogReader {

    private static final Set<String> TOP_KEYS = ordered("version", "period", "scenarios", "families", "indicators", "sourceGrades", "cusum", "dyads");
    private static final Set<String> TOP_REQUIRED = ordered("version", "scenarios", "families", "indicators", "sourceGrades", "dyads");
    private static final Set<String> SCENARIO_KEYS = ordered("title", "description", "citations");
    private static final Set<String> CITATION_KEYS = ordered("seed", "quote");
    private static final Set<String> INDICATOR_KEYS = ordered("id", "family", "description", "citation", "match", "rates", "rationale", "example", "signature");
    private static final Set<String> SIGNATURE_KEYS = ordered("statusQuoRate", "reason");
    private static final Set<String> INDICATOR_REQUIRED = ordered("id", "family", "description", "citation", "match", "rates", "example");
    private static final Set<String> MATCH_KEYS = ordered("types", "all", "any", "none");
    private static final Set<String> EXAMPLE_KEYS = ordered("type", "attributes", "summary");
    private static final Set<String> GRADE_KEYS = ordered("reliability", "credibility");
    private static final Set<String> CUSUM_KEYS = ordered("falseAlarmBudget", "calibrationRuns", "seed");
    private static final Set<String> BUDGET_KEYS = ordered("probability", "periods");
    private static final Set<String> DYAD_KEYS = ordered("label", "default", "priors", "reference", "baseline", "baselineDefault");
    private static final Set<String> DYAD_REQUIRED = ordered("priors");
    private static final Set<String> REFERENCE_KEYS = ordered("record", "from", "to");
    private static final String SCENARIOS = Arrays.stream(Scenario.values()).map(Enum::name).collect(Collectors.joining(", "));
    private static final String EVENT_TYPES = Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final List<CatalogProblem> problems = new ArrayList<>();
    /** Ids of every indicator declared, valid or not, so that one broken indicator does not also break the baselines. */
    private final Set<String> declaredIds = new LinkedHashSet<>();
    /** Family ids declared under 'families'. */
    private final Map<String, String> families = new LinkedHashMap<>();
    /** The valid indicators, for deriving baselines from a record. */
    private List<Indicator> validIndicators = List.of();
    /** True when some indicator was invalid (baselines are then not derived: the counts would be wrong). */
    private boolean indicatorProblems;
    /** The reference records read, in file order. */
    private final List<String> records = new ArrayList<>();

    private CatalogReader() {
    }

    /**
     * The catalog in the text.
     *
     * @throws CatalogException with every problem, when there is any
     */
    public static Catalog read(String yaml, String origin) {
        CatalogReader reader = new CatalogReader();
        Catalog catalog = reader.build(yaml, origin);
        if (!reader.problems.isEmpty()) {
            throw new CatalogException(origin, reader.sortedProblems());
        }
        return catalog;
    }

    /** Every problem in the text, in file order; empty when it is a valid catalog. */
    public static List<CatalogProblem> problems(String yaml) {
        CatalogReader reader = new CatalogReader();
        reader.build(yaml, "validation");
        return reader.sortedProblems();
    }

    private List<CatalogProblem> sortedProblems() {
        List<CatalogProblem> sorted = new ArrayList<>(new LinkedHashSet<>(problems));
        sorted.sort(Comparator.comparingInt(CatalogProblem::line));
        return List.copyOf(sorted);
    }

    private Catalog build(String yaml, String origin) {
        YamlNode root = YamlTreeReader.read(yaml, problems);
        if (root == null) {
            return null;
        }
        YamlNode.Mapping top = mapping(root, "", "the catalog: a mapping with " + String.join(", ", TOP_KEYS));
        if (top == null) {
            return null;
        }
        checkKeys(top, "", TOP_KEYS, TOP_REQUIRED);
        readVersion(top.get("version"));
        readPeriod(top.get("period"));
        Map<Scenario, ScenarioDefinition> scenarios = readScenarios(top.get("scenarios"));
        readFamilies(top.get("families"));
        int beforeIndicators = problems.size();
        List<Indicator> indicators = readIndicators(top.get("indicators"));
        indicatorProblems = problems.size() != beforeIndicators;
        validIndicators = indicators;
        SourceWeighting weighting = readSourceGrades(top.get("sourceGrades"));
        CusumSettings cusum = top.get("cusum") == null ? CusumSettings.DEFAULT : readCusum(top.get("cusum"));
        List<DyadProfile> dyads = new ArrayList<>();
        Dyad defaultDyad = readDyads(top.get("dyads"), declaredIds, dyads);
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new Catalog(origin, scenarios, families, indicators, weighting, cusum, dyads, defaultDyad,
                    fingerprint(yaml));
        } catch (IllegalArgumentException e) {
            problems.add(new CatalogProblem(top.line(), "", e.getMessage()));
            return null;
        }
    }

    /** SHA-256 of the text and of every record it referenced, line endings normalised. */
    private String fingerprint(String yaml) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(yaml.replace("\r\n", "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String record : records) {
                digest.update(RecordResource.text(record).replace("\r\n", "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private void readVersion(YamlNode node) {
        if (node == null) {
            return;
        }
        if (!(node instanceof YamlNode.Scalar s) || !(s.value() instanceof Long v) || v != Catalog.FORMAT_VERSION) {
            problem(node, "version", "unsupported catalog version '" + describe(node) + "'; allowed: " + Catalog.FORMAT_VERSION);
        }
    }

    private void readPeriod(YamlNode node) {
        if (node != null && !"quarter".equals(text(node, "period"))) {
            problem(node, "period", "unsupported period '" + describe(node) + "'; allowed: quarter");
        }
    }

    private Map<Scenario, ScenarioDefinition> readScenarios(YamlNode node) {
        Map<Scenario, ScenarioDefinition> result = new EnumMap<>(Scenario.class);
        YamlNode.Mapping map = mapping(node, "scenarios", "a mapping from scenario name (" + SCENARIOS + ") to its definition");
        if (map == null) {
            return result;
        }
        for (YamlNode.Entry e : map.entries().values()) {
            String field = "scenarios." + e.key();
            Scenario scenario = scenario(e.key(), e.keyLine(), field);
            YamlNode.Mapping def = mapping(e.value(), field, "a mapping with " + String.join(", ", SCENARIO_KEYS));
            if (scenario == null || def == null) {
                continue;
            }
            checkKeys(def, field, SCENARIO_KEYS, SCENARIO_KEYS);
            String title = text(def.get("title"), field + ".title");
            String description = text(def.get("description"), field + ".description");
            List<Citation> citations = new ArrayList<>();
            YamlNode.Sequence list = sequence(def.get("citations"), field + ".citations", "a list of {seed, quote}");
            if (list != null) {
                if (list.items().isEmpty()) {
                    problem(list, field + ".citations", "a scenario needs at least one citation {seed, quote}");
                }
                for (int i = 0; i < list.items().size(); i++) {
                    Citation c = readCitation(list.items().get(i), field + ".citations[" + i + "]");
                    if (c != null) {
                        citations.add(c);
                    }
                }
            }
            if (title != null && description != null && !citations.isEmpty()) {
                result.put(scenario, new ScenarioDefinition(scenario, title, description, citations));
            }
        }
        for (Scenario s : Scenario.values()) {
            if (!map.entries().containsKey(s.name())) {
                problem(map, "scenarios", "missing scenario " + s + "; every one of " + SCENARIOS + " must be defined");
            }
        }
        return result;
    }

    private void readFamilies(YamlNode node) {
        YamlNode.Mapping map = mapping(node, "families", "a mapping from family id (e.g. exercises) to its title");
        if (map == null) {
            return;
        }
        if (map.entries().isEmpty()) {
            problem(map, "families", "at least one family is needed");
        }
        for (YamlNode.Entry e : map.entries().values()) {
            String field = "families." + e.key();
            if (!Indicator.ID.matcher(e.key()).matches()) {
                problem(e.keyLine(), field, "invalid family id '" + e.key()
                        + "'; allowed: lower-case letters and digits in words joined by '-', e.g. leader-exchanges");
                continue;
            }
            String title = text(e.value(), field);
            if (title != null) {
                families.put(e.key(), title);
            }
        }
    }

    private String readFamily(YamlNode node, String field) {
        String family = text(node, field);
        if (family != null && !families.containsKey(family)) {
            problem(node, field, "unknown family '" + family + "'; allowed: " + String.join(", ", families.keySet()));
            return null;
        }
        return family;
    }

    private Citation readCitation(YamlNode node, String field) {
        YamlNode.Mapping map = mapping(node, field, "a citation {seed: <seed file name>, quote: <phrase copied verbatim>}");
        if (map == null) {
            return null;
        }
        checkKeys(map, field, CITATION_KEYS, CITATION_KEYS);
        String seed = text(map.get("seed"), field + ".seed");
        String quote = text(map.get("quote"), field + ".quote");
        return seed == null || quote == null ? null : new Citation(seed, quote);
    }

    private List<Indicator> readIndicators(YamlNode node) {
        List<Indicator> result = new ArrayList<>();
        YamlNode.Sequence list = sequence(node, "indicators", "a list of indicators");
        if (list == null) {
            return result;
        }
        if (list.items().isEmpty()) {
            problem(list, "indicators", "the catalog needs at least one indicator");
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String field = "indicators[" + i + "]";
            YamlNode.Mapping map = mapping(item, field, "an indicator: a mapping with " + String.join(", ", INDICATOR_KEYS));
            if (map == null) {
                continue;
            }
            String id = null;
            if (map.get("id") instanceof YamlNode.Scalar s && s.value() instanceof String text && Indicator.ID.matcher(text).matches()) {
                id = text;
                field = "indicators[" + id + "]";
            }
            int before = problems.size();
            checkKeys(map, field, INDICATOR_KEYS, INDICATOR_REQUIRED);
            if (map.get("id") != null && id == null) {
                problem(map.get("id"), field + ".id", "invalid indicator id '" + describe(map.get("id"))
                        + "'; allowed: lower-case letters and digits in words joined by '-', e.g. combined-naval-patrol");
            }
            if (id != null && seen.containsKey(id)) {
                problem(map.get("id"), field + ".id", "duplicate indicator id '" + id + "' (first on line " + seen.get(id) + "); ids must be unique");
            } else if (id != null) {
                seen.put(id, map.get("id").line());
                declaredIds.add(id);
            }
            String description = text(map.get("description"), field + ".description");
            String family = map.get("family") == null ? null : readFamily(map.get("family"), field + ".family");
            String rationale = map.get("rationale") == null ? null : text(map.get("rationale"), field + ".rationale");
            Citation citation = map.get("citation") == null ? null : readCitation(map.get("citation"), field + ".citation");
            EventMatcher matcher = map.get("match") == null ? null : readMatcher(map.get("match"), field + ".match");
            Map<Scenario, Double> rates = map.get("rates") == null ? null : readRates(map.get("rates"), field + ".rates");
            IndicatorExample example = map.get("example") == null ? null : readExample(map.get("example"), field + ".example");
            SignatureJudgement signature = map.get("signature") == null ? null
                    : readSignature(map.get("signature"), field + ".signature");
            if (problems.size() == before && id != null) {
                if (!matcher.types().contains(example.type())) {
                    problem(map.get("example"), field + ".example.type", "the example's type " + example.type()
                            + " is not one of the indicator's types " + matcher.types());
                } else if (!matcher.matches(exampleEvent(example))) {
                    problem(map.get("example"), field + ".example", "the example event does not match the indicator's"
                            + " match block; change the example or the predicates so that it does");
                } else {
                    result.add(new Indicator(id, description, citation, matcher, rates, example, family, rationale,
                            signature));
                }
            }
        }
        return result;
    }

    /** The event an example stands for (actors CHN, RUS), as the validator and simulator see it. */
    static Event exampleEvent(IndicatorExample example) {
        return new Event("example", example.type(), List.of("CHN", "RUS"), Instant.EPOCH, null,
                new Source("catalog example", null, null), example.attributes(), example.summary());
    }

    private EventMatcher readMatcher(YamlNode node, String field) {
        YamlNode.Mapping map = mapping(node, field, "a mapping with types and optionally all, any, none");
        if (map == null) {
            return null;
        }
        int before = problems.size();
        checkKeys(map, field, MATCH_KEYS, Set.of("types"));
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        YamlNode typesNode = map.get("types");
        List<YamlNode> typeItems = typesNode instanceof YamlNode.Sequence s ? s.items()
                : typesNode == null ? List.of() : List.of(typesNode);
        if (typesNode instanceof YamlNode.Sequence s && s.items().isEmpty()) {
            problem(s, field + ".types", "at least one event type is needed; allowed: " + EVENT_TYPES);
        }
        for (YamlNode t : typeItems) {
            String name = text(t, field + ".types");
            if (name == null) {
                continue;
            }
            try {
                types.add(EventType.valueOf(name));
            } catch (IllegalArgumentException e) {
                problem(t, field + ".types", "unknown event type '" + name + "'; allowed: " + EVENT_TYPES);
            }
        }
        List<AttributePredicate> all = predicates(map.get("all"), field + ".all");
        List<AttributePredicate> any = predicates(map.get("any"), field + ".any");
        List<AttributePredicate> none = predicates(map.get("none"), field + ".none");
        return problems.size() == before && !types.isEmpty() ? new EventMatcher(types, all, any, none) : null;
    }

    private List<AttributePredicate> predicates(YamlNode node, String field) {
        List<AttributePredicate> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        YamlNode.Sequence list = sequence(node, field, "a list of predicates like 'themes contains anti-submarine'");
        if (list == null) {
            return result;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String text = text(item, field + "[" + i + "]");
            if (text == null) {
                continue;
            }
            try {
                result.add(AttributePredicate.parse(text));
            } catch (IllegalArgumentException e) {
                problem(item, field + "[" + i + "]", e.getMessage());
            }
        }
        return result;
    }

    private Map<Scenario, Double> readRates(YamlNode node, String field) {
        YamlNode.Mapping map = mapping(node, field, "a mapping from each scenario (" + SCENARIOS + ") to its relative rate");
        if (map == null) {
            return null;
        }
        Map<Scenario, Double> rates = new EnumMap<>(Scenario.class);
        for (YamlNode.Entry e : map.entries().values()) {
            Scenario s = scenario(e.key(), e.keyLine(), field + "." + e.key());
            Double rate = positive(e.value(), field + "." + e.key(), "a relative rate");
            if (s != null && rate != null) {
                rates.put(s, rate);
            }
        }
        for (Scenario s : Scenario.values()) {
            if (!map.entries().containsKey(s.name())) {
                problem(map, field, "missing rate for scenario " + s + "; every indicator needs a rate > 0 for each of " + SCENARIOS);
            }
        }
        return rates.size() == Scenario.values().length ? rates : null;
    }

    private IndicatorExample readExample(YamlNode node, String field) {
        YamlNode.Mapping map = mapping(node, field, "an example event {type, attributes, summary}");
        if (map == null) {
            return null;
        }
        checkKeys(map, field, EXAMPLE_KEYS, Set.of("type"));
        String typeName = text(map.get("type"), field + ".type");
        EventType type = null;
        if (typeName != null) {
            try {
                type = EventType.valueOf(typeName);
            } catch (IllegalArgumentException e) {
                problem(map.get("type"), field + ".type", "unknown event type '" + typeName + "'; allowed: " + EVENT_TYPES);
            }
        }
        Map<String, Object> attributes = Map.of();
        if (map.get("attributes") != null) {
            YamlNode.Mapping a = mapping(map.get("attributes"), field + ".attributes", "a mapping of event attributes");
            if (a != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> plain = (Map<String, Object>) plain(a);
                attributes = plain;
            }
        }
        String summary = map.get("summary") == null ? "" : text(map.get("summary"), field + ".summary");
        return type == null ? null : new IndicatorExample(type, attributes, summary);
    }

    private static Object plain(YamlNode node) {
        if (node instanceof YamlNode.Mapping m) {
            Map<String, Object> map = new LinkedHashMap<>();
            m.entries().forEach((k, e) -> map.put(k, plain(e.value())));
            return map;
        }
        if (node instanceof YamlNode.Sequence s) {
            return s.items().stream().map(CatalogReader::plain).toList();
        }
        return ((YamlNode.Scalar) node).value();
    }

    private SourceWeighting readSourceGrades(YamlNode node) {
        YamlNode.Mapping map = mapping(node, "sourceGrades", "a mapping with reliability (A-F) and credibility (1-6) weights");
        if (map == null) {
            return null;
        }
        checkKeys(map, "sourceGrades", GRADE_KEYS, GRADE_KEYS);
        double[] reliability = weights(map.get("reliability"), "sourceGrades.reliability", List.of("A", "B", "C", "D", "E", "F"));
        double[] credibility = weights(map.get("credibility"), "sourceGrades.credibility", List.of("1", "2", "3", "4", "5", "6"));
        return reliability == null || credibility == null ? null : new SourceWeighting(reliability, credibility);
    }

    private double[] weights(YamlNode node, String field, List<String> keys) {
        YamlNode.Mapping map = mapping(node, field, "a mapping from each of " + keys + " to a weight in (0, 1]");
        if (map == null) {
            return null;
        }
        checkKeys(map, field, new LinkedHashSet<>(keys), new LinkedHashSet<>(keys));
        double[] weights = new double[keys.size()];
        boolean complete = true;
        for (int i = 0; i < keys.size(); i++) {
            YamlNode value = map.get(keys.get(i));
            Double w = value == null ? null : number(value, field + "." + keys.get(i), "a weight");
            if (w != null && (!(w > 0) || w > 1)) {
                problem(value, field + "." + keys.get(i), "weight " + describe(value) + " is out of range; allowed: a number in (0, 1]");
                w = null;
            }
            complete &= w != null;
            weights[i] = w == null ? 1 : w;
        }
        return complete ? weights : null;
    }

    private CusumSettings readCusum(YamlNode node) {
        YamlNode.Mapping map = mapping(node, "cusum", "a mapping with falseAlarmBudget {probability, periods}, calibrationRuns, seed");
        if (map == null) {
            return null;
        }
        checkKeys(map, "cusum", CUSUM_KEYS, CUSUM_KEYS);
        YamlNode.Mapping budget = mapping(map.get("falseAlarmBudget"), "cusum.falseAlarmBudget", "a mapping {probability, periods}");
        Double alarms = null;
        Long periods = null;
        if (budget != null) {
            checkKeys(budget, "cusum.falseAlarmBudget", BUDGET_KEYS, BUDGET_KEYS);
            alarms = positive(budget.get("probability"), "cusum.falseAlarmBudget.probability",
                    "the probability of any false alert in the periods");
            periods = integer(budget.get("periods"), "cusum.falseAlarmBudget.periods", 1);
            if (alarms != null && !(alarms < 1)) {
                problem(budget.get("probability"), "cusum.falseAlarmBudget.probability", "probability " + alarms
                        + " is out of range; allowed: a probability strictly between 0 and 1, e.g. 0.05");
                alarms = null;
            }
        }
        Long runs = integer(map.get("calibrationRuns"), "cusum.calibrationRuns", 100);
        Long seed = integer(map.get("seed"), "cusum.seed", Long.MIN_VALUE);
        if (alarms == null || periods == null || runs == null || seed == null) {
            return null;
        }
        return new CusumSettings(alarms, periods.intValue(), runs.intValue(), seed);
    }

    private Dyad readDyads(YamlNode node, Set<String> indicatorIds, List<DyadProfile> out) {
        YamlNode.Mapping map = mapping(node, "dyads", "a mapping from dyad key (e.g. CHN-RUS) to its priors and baseline");
        if (map == null) {
            return null;
        }
        if (map.entries().isEmpty()) {
            problem(map, "dyads", "at least one watched dyad is needed");
        }
        Dyad defaultDyad = null;
        String defaultKey = null;
        for (YamlNode.Entry e : map.entries().values()) {
            String field = "dyads." + e.key();
            Dyad dyad = null;
            try {
                dyad = Dyad.parse(e.key());
                if (!dyad.key().equals(e.key())) {
                    problem(e.keyLine(), field, "write the dyad as its ISO alpha-3 codes sorted and joined by '-': " + dyad.key());
                    dyad = null;
                }
            } catch (IllegalArgumentException ex) {
                problem(e.keyLine(), field, "invalid dyad '" + e.key() + "': " + ex.getMessage()
                        + "; allowed: two or more ISO 3166 alpha-3 codes, sorted, joined by '-', e.g. CHN-RUS");
            }
            YamlNode.Mapping def = mapping(e.value(), field, "a mapping with " + String.join(", ", DYAD_KEYS));
            if (def == null) {
                continue;
            }
            checkKeys(def, field, DYAD_KEYS, DYAD_REQUIRED);
            String label = def.get("label") == null ? null : text(def.get("label"), field + ".label");
            if (def.get("default") != null) {
                if (!(def.get("default") instanceof YamlNode.Scalar s) || !(s.value() instanceof Boolean b)) {
                    problem(def.get("default"), field + ".default", "expected true or false, got '" + describe(def.get("default")) + "'");
                } else if (b && defaultKey != null) {
                    problem(def.get("default"), field + ".default", "only one dyad may be the default; " + defaultKey + " already is");
                } else if (b) {
                    defaultKey = e.key();
                    defaultDyad = dyad;
                }
            }
            Map<Scenario, Double> priors = readPriors(def.get("priors"), field + ".priors");
            if (def.get("reference") != null) {
                if (def.get("baseline") != null || def.get("baselineDefault") != null) {
                    problem(def.get("reference"), field + ".reference", "give either a reference window (derived"
                            + " baselines) or baseline/baselineDefault (analyst judgement), not both");
                    continue;
                }
                BaselineInfo info = dyad == null ? null : readReference(def.get("reference"), field + ".reference", dyad);
                if (priors != null && info != null) {
                    Set<String> seen = new java.util.HashSet<>();
                    info.counts().forEach((id, n) -> {
                        if (n > 0) {
                            seen.add(id);
                        }
                    });
                    Map<String, Double> rates = withSignatures(info.rates(), seen);
                    BaselineInfo judged = new BaselineInfo(info.basis(), info.source(), info.from(), info.to(),
                            info.eventsCounted(), info.eventsUnconfirmed(), info.counts(), rates, info.dispersion(),
                            info.countedEvents());
                    out.add(new DyadProfile(dyad, label, priors, rates, judged));
                }
                continue;
            }
            if (def.get("baseline") == null) {
                problem(def, field, "missing 'reference' (a record and window to derive baselines from) or"
                        + " 'baseline' (analyst judgement)");
                continue;
            }
            Map<String, Double> baseline = readBaseline(def, field, indicatorIds);
            if (dyad != null && priors != null && baseline != null) {
                YamlNode.Mapping stated = def.get("baseline") instanceof YamlNode.Mapping m ? m : null;
                Set<String> listed = stated == null ? Set.of() : stated.entries().keySet();
                out.add(new DyadProfile(dyad, label, priors, withSignatures(baseline, listed)));
            }
        }
        if (defaultKey == null && !map.entries().isEmpty()) {
            problem(map, "dyads", "no default dyad; mark exactly one with 'default: true'");
        }
        return defaultDyad;
    }

    private BaselineInfo readReference(YamlNode node, String field, Dyad dyad) {
        YamlNode.Mapping map = mapping(node, field, "a mapping {record: <class-path resource>, from: 2016-Q1, to: 2021-Q4}");
        if (map == null) {
            return null;
        }
        int before = problems.size();
        checkKeys(map, field, REFERENCE_KEYS, REFERENCE_KEYS);
        String record = text(map.get("record"), field + ".record");
        Quarter from = quarter(map.get("from"), field + ".from");
        Quarter to = quarter(map.get("to"), field + ".to");
        if (problems.size() != before || record == null || from == null || to == null) {
            return null;
        }
        if (to.compareTo(from) < 0) {
            problem(map.get("to"), field + ".to", "the window ends (" + to + ") before it starts (" + from + ")");
            return null;
        }
        List<Event> events;
        try {
            events = RecordResource.read(record);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            problem(map.get("record"), field + ".record", e.getMessage()
                    + "; allowed: a class-path resource of event JSON lines, or file:PATH");
            return null;
        }
        records.add(record);
        if (indicatorProblems) {
            return null;
        }
        return BaselineDerivation.derive(new ReferenceWindow(record, from, to), events, dyad, validIndicators);
    }

    private Quarter quarter(YamlNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return Quarter.parse(text);
        } catch (IllegalArgumentException e) {
            problem(node, field, "invalid quarter '" + text + "'; allowed: a quarter like 2016-Q1");
            return null;
        }
    }

    private Map<Scenario, Double> readPriors(YamlNode node, String field) {
        YamlNode.Mapping map = mapping(node, field, "a mapping from each scenario (" + SCENARIOS + ") to its prior probability");
        if (map == null) {
            return null;
        }
        Map<Scenario, Double> priors = new EnumMap<>(Scenario.class);
        int before = problems.size();
        for (YamlNode.Entry e : map.entries().values()) {
            Scenario s = scenario(e.key(), e.keyLine(), field + "." + e.key());
            Double p = number(e.value(), field + "." + e.key(), "a probability");
            if (p != null && (!(p > 0) || !(p < 1))) {
                problem(e.value(), field + "." + e.key(), "prior " + p + " is out of range; allowed: a probability strictly between 0 and 1");
                p = null;
            }
            if (s != null && p != null) {
                priors.put(s, p);
            }
        }
        for (Scenario s : Scenario.values()) {
            if (!map.entries().containsKey(s.name())) {
                problem(map, field, "missing prior for scenario " + s + "; every one of " + SCENARIOS + " needs one");
            }
        }
        if (problems.size() != before) {
            return null;
        }
        double sum = priors.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1) > DyadProfile.PRIOR_TOLERANCE) {
            problem(map, field, "priors sum to " + sum + "; they must sum to 1 (within " + DyadProfile.PRIOR_TOLERANCE + ")");
            return null;
        }
        return priors;
    }

    private Map<String, Double> readBaseline(YamlNode.Mapping dyad, String field, Set<String> indicatorIds) {
        Double fallback = dyad.get("baselineDefault") == null ? null
                : positive(dyad.get("baselineDefault"), field + ".baselineDefault", "a baseline rate (events per quarter)");
        YamlNode.Mapping map = mapping(dyad.get("baseline"), field + ".baseline", "a mapping from indicator id to events per quarter");
        if (map == null) {
            return null;
        }
        int before = problems.size();
        Map<String, Double> baseline = new LinkedHashMap<>();
        for (YamlNode.Entry e : map.entries().values()) {
            if (!indicatorIds.contains(e.key())) {
                problem(e.keyLine(), field + ".baseline." + e.key(), "unknown indicator '" + e.key()
                        + "'; allowed: the ids under 'indicators'");
            }
            Double rate = positive(e.value(), field + ".baseline." + e.key(), "a baseline rate (events per quarter)");
            if (rate != null) {
                baseline.put(e.key(), rate);
            }
        }
        List<String> missing = indicatorIds.stream().filter(id -> !baseline.containsKey(id)).toList();
        if (!missing.isEmpty() && fallback == null && dyad.get("baselineDefault") == null) {
            problem(map, field + ".baseline", "no baseline for indicators " + missing + "; give each a rate > 0 or set baselineDefault");
        }
        if (problems.size() != before || (!missing.isEmpty() && fallback == null)) {
            return null;
        }
        missing.forEach(id -> baseline.put(id, fallback));
        return baseline;
    }

    // ---- primitives ----

    private Scenario scenario(String name, int line, String field) {
        try {
            return Scenario.valueOf(name);
        } catch (IllegalArgumentException e) {
            problem(line, field, "unknown scenario '" + name + "'; allowed: " + SCENARIOS);
            return null;
        }
    }

    private YamlNode.Mapping mapping(YamlNode node, String field, String expected) {
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        problem(node, field, "expected " + expected + ", got " + node.kind() + (node instanceof YamlNode.Scalar ? " '" + describe(node) + "'" : ""));
        return null;
    }

    private YamlNode.Sequence sequence(YamlNode node, String field, String expected) {
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Sequence s) {
            return s;
        }
        problem(node, field, "expected " + expected + ", got " + node.kind());
        return null;
    }

    private SignatureJudgement readSignature(YamlNode node, String field) {
        YamlNode.Mapping map = mapping(node, field, "a mapping with statusQuoRate and reason");
        if (map == null) {
            return null;
        }
        checkKeys(map, field, SIGNATURE_KEYS, SIGNATURE_KEYS);
        Double rate = positive(map.get("statusQuoRate"), field + ".statusQuoRate", "a status-quo rate (events per quarter)");
        String reason = text(map.get("reason"), field + ".reason");
        if (rate == null || reason == null) {
            return null;
        }
        if (rate > 1) {
            problem(map.get("statusQuoRate"), field + ".statusQuoRate", "a signature's status-quo rate must be at most 1"
                    + " per quarter, got " + rate);
            return null;
        }
        return new SignatureJudgement(rate, reason);
    }

    /**
     * Baselines with the judged status-quo rate of every signature indicator the dyad's baseline does not state
     * otherwise: for derived baselines, a signature indicator never confirmed in the window; for judgement, one left
     * to baselineDefault.
     */
    private Map<String, Double> withSignatures(Map<String, Double> baseline, Set<String> stated) {
        Map<String, Double> out = new LinkedHashMap<>(baseline);
        for (Indicator i : validIndicators) {
            if (i.signature() != null && out.containsKey(i.id()) && !stated.contains(i.id())) {
                out.put(i.id(), i.signature().statusQuoRate());
            }
        }
        return out;
    }

    private String text(YamlNode node, String field) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof YamlNode.Scalar s) || s.value() == null || s.value() instanceof Boolean) {
            problem(node, field, "expected text, got " + node.kind());
            return null;
        }
        if (s.text().isBlank()) {
            problem(node, field, "must not be blank");
            return null;
        }
        return s.text();
    }

    private Double number(YamlNode node, String field, String what) {
        if (node instanceof YamlNode.Scalar s && s.value() instanceof Number n) {
            return n.doubleValue();
        }
        problem(node, field, "expected " + what + " (a number), got " + node.kind() + " '" + describe(node) + "'");
        return null;
    }

    private Double positive(YamlNode node, String field, String what) {
        if (node == null) {
            return null;
        }
        Double v = number(node, field, what);
        if (v != null && (!(v > 0) || v.isInfinite())) {
            problem(node, field, what + " must be > 0, got " + describe(node) + "; allowed: a finite number > 0");
            return null;
        }
        return v;
    }

    private Long integer(YamlNode node, String field, long min) {
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s && s.value() instanceof Long v) {
            if (v < min) {
                problem(node, field, "must be >= " + min + ", got " + v);
                return null;
            }
            return v;
        }
        problem(node, field, "expected a whole number, got " + node.kind() + " '" + describe(node) + "'");
        return null;
    }

    private void checkKeys(YamlNode.Mapping map, String field, Set<String> allowed, Set<String> required) {
        for (YamlNode.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                problem(e.keyLine(), field.isEmpty() ? e.key() : field + "." + e.key(),
                        "unknown key '" + e.key() + "'; allowed: " + String.join(", ", allowed));
            }
        }
        for (String key : required) {
            if (!map.entries().containsKey(key)) {
                problem(map, field, "missing required key '" + key + "'");
            }
        }
    }

    private static String describe(YamlNode node) {
        return node instanceof YamlNode.Scalar s ? s.text() : node.kind();
    }

    private void problem(YamlNode node, String field, String message) {
        problem(node.line(), field, message);
    }

    private void problem(int line, String field, String message) {
        problems.add(new CatalogProblem(line, field, message));
    }

    private static Set<String> ordered(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }
}
