package io.dyadwatch.model.event;

import static io.dyadwatch.model.event.ContractResult.reject;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The event contract, version 1, enforced in code: turns the bytes of one record into an {@link Event} or a
 * specific {@link Rejection}.
 *
 * <p>The JSON Schema in {@code schema/event-v1.schema.json} documents the same contract for other teams;
 * {@code EventContractSchemaAgreementTest} checks the two agree on a corpus of records. The check is written
 * by hand rather than by a schema validator because every kind of fault needs its own dead-letter reason and
 * a message a person can act on, and because it runs once per record on the pipeline's hot path.
 *
 * <p>Thread-safe.
 */
public final class EventContract {

    /** Default largest accepted record: 64 KiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;
    /** Default tolerance for clocks and time zones when checking that an event is not in the future. */
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofDays(1);
    /** Deepest JSON nesting accepted (attributes may hold objects of lists). */
    public static final int MAX_NESTING_DEPTH = 16;
    /** Longest accepted string value, in characters. */
    public static final int MAX_STRING_CHARS = 8_192;

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Set<String> FIELDS =
            Set.of("id", "type", "actors", "occurredAt", "reportedAt", "source", "attributes", "summary", "channel");
    private static final Set<String> SOURCE_FIELDS = Set.of("name", "url", "reliability", "credibility");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(DEFAULT_MAX_RECORD_BYTES * 2)
                .build());
    }

    private final int maxRecordBytes;
    private final Duration futureTolerance;
    private final Clock clock;
    private final String defaultChannel;

    /** A contract with the given limits; an event that names no channel is {@link Channels#CURATED}. */
    public EventContract(int maxRecordBytes, Duration futureTolerance, Clock clock) {
        this(maxRecordBytes, futureTolerance, clock, Channels.CURATED);
    }

    private EventContract(int maxRecordBytes, Duration futureTolerance, Clock clock, String defaultChannel) {
        if (maxRecordBytes < 256) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 256, got " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
        this.futureTolerance = Objects.requireNonNull(futureTolerance, "futureTolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultChannel = Channels.require(defaultChannel);
    }

    /**
     * The same contract, giving an event that names no {@code channel} (absent or null) this one: the producer's
     * default, such as a record file's span line.
     *
     * @throws IllegalArgumentException when the name breaks {@link Channels#require}
     */
    public EventContract withDefaultChannel(String channel) {
        return new EventContract(maxRecordBytes, futureTolerance, clock, channel);
    }

    /** The channel given to an event that names none. */
    public String defaultChannel() {
        return defaultChannel;
    }

    /** A contract with the default limits and the system clock. */
    public static EventContract withDefaults() {
        return new EventContract(DEFAULT_MAX_RECORD_BYTES, DEFAULT_FUTURE_TOLERANCE, Clock.systemUTC());
    }

    /** Checks the bytes of one record (null for a tombstone). */
    public ContractResult check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return reject(RejectReason.EMPTY, "the record is empty; expected one JSON event object");
        }
        if (bytes.length > maxRecordBytes) {
            return reject(RejectReason.OVERSIZED,
                    "the record is " + bytes.length + " bytes; the limit is " + maxRecordBytes + " bytes");
        }
        if (!isUtf8(bytes)) {
            return reject(RejectReason.INVALID_UTF8, "the record is not valid UTF-8 text");
        }
        // parsed from the bytes: Jackson's byte parser, without decoding to a String first
        return parse(() -> MAPPER.readTree(bytes));
    }

    /** True when the bytes are valid UTF-8; ASCII (most records) is checked without a decoder. */
    private static boolean isUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return strictUtf8(bytes) != null;
            }
        }
        return true;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Checks one record given as text (one line of a JSON-lines file, one HTTP item). */
    public ContractResult check(String text) {
        if (text == null || text.isBlank()) {
            return reject(RejectReason.EMPTY, "the record is empty; expected one JSON event object");
        }
        int utf8Length = utf8Length(text);
        if (utf8Length > maxRecordBytes) {
            return reject(RejectReason.OVERSIZED,
                    "the record is " + utf8Length + " bytes; the limit is " + maxRecordBytes + " bytes");
        }
        return parse(() -> MAPPER.readTree(text));
    }

    /** Reads one JSON value. */
    @FunctionalInterface
    private interface TreeReader {
        JsonNode read() throws IOException;
    }

    private ContractResult parse(TreeReader reader) {
        JsonNode root;
        try {
            root = reader.read();
        } catch (StreamConstraintsException e) {
            return reject(RejectReason.TOO_DEEPLY_NESTED,
                    "JSON nested deeper than " + MAX_NESTING_DEPTH + " levels");
        } catch (JsonParseException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                return reject(RejectReason.DUPLICATE_KEY, excerpt(e.getOriginalMessage()));
            }
            return reject(RejectReason.NOT_JSON, "not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            return reject(RejectReason.NOT_JSON, "not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return reject(RejectReason.EMPTY, "the record is empty; expected one JSON event object");
        }
        if (!root.isObject()) {
            return reject(RejectReason.NOT_AN_OBJECT,
                    "expected a JSON object, got " + describe(root.getNodeType()));
        }
        return checkObject((ObjectNode) root);
    }

    /** Checks a batch given as bytes, which must be valid UTF-8. */
    public List<ContractResult> checkBatch(byte[] body) {
        String text = strictUtf8(body);
        return text == null
                ? List.of(reject(RejectReason.INVALID_UTF8, "the body is not valid UTF-8 text"))
                : checkBatch(text);
    }

    /**
     * Checks a batch: one event object, or a JSON array of them (an HTTP request body). The body is parsed with
     * the same strict rules as a single record (duplicate keys, nesting); the size limit applies per item.
     *
     * @return one result per item, or a single rejection of the whole body when it is not JSON or neither an
     *         object nor an array
     */
    public List<ContractResult> checkBatch(String body) {
        if (body == null || body.isBlank()) {
            return List.of(reject(RejectReason.EMPTY, "the body is empty; send one event object or an array"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            return List.of(reject(RejectReason.TOO_DEEPLY_NESTED, "JSON nested deeper than " + MAX_NESTING_DEPTH + " levels"));
        } catch (JsonParseException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                return List.of(reject(RejectReason.DUPLICATE_KEY, excerpt(e.getOriginalMessage())));
            }
            return List.of(reject(RejectReason.NOT_JSON, "not valid JSON: " + firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            return List.of(reject(RejectReason.NOT_JSON, "not valid JSON: " + firstLine(e.getMessage())));
        }
        if (root.isObject()) {
            return List.of(checkSized(root));
        }
        if (!root.isArray()) {
            return List.of(reject(RejectReason.NOT_AN_OBJECT,
                    "expected an event object or an array of them, got " + describe(root.getNodeType())));
        }
        List<ContractResult> results = new ArrayList<>(root.size());
        root.forEach(item -> results.add(checkSized(item)));
        return results;
    }

    private ContractResult checkSized(JsonNode item) {
        int size = utf8Length(item.toString());
        if (size > maxRecordBytes) {
            return reject(RejectReason.OVERSIZED, "the event is " + size + " bytes; the limit is " + maxRecordBytes + " bytes");
        }
        return check(item);
    }

    /** Checks an already parsed JSON value. */
    public ContractResult check(JsonNode node) {
        if (node == null || !node.isObject()) {
            return reject(RejectReason.NOT_AN_OBJECT,
                    "expected a JSON object, got " + (node == null ? "nothing" : describe(node.getNodeType())));
        }
        return checkObject((ObjectNode) node);
    }

    private ContractResult checkObject(ObjectNode object) {
        try {
            return new ContractResult.Accepted(toEvent(object));
        } catch (Refused refused) {
            return new ContractResult.Rejected(refused.rejection);
        }
    }

    private Event toEvent(ObjectNode object) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw refuse(RejectReason.UNKNOWN_FIELD,
                        "unknown field '" + excerpt(name) + "'; allowed fields are " + sorted(FIELDS));
            }
        }
        String id = requiredText(object, "id");
        if (id.isBlank()) {
            throw refuse(RejectReason.INVALID_VALUE, "'id' must not be blank");
        }
        String typeName = requiredText(object, "type");
        EventType type;
        try {
            type = EventType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw refuse(RejectReason.UNKNOWN_EVENT_TYPE, "unknown event type '" + excerpt(typeName)
                    + "'; expected one of " + List.of(EventType.values()));
        }
        List<String> actors = actors(object);
        Instant occurredAt = requiredInstant(object, "occurredAt");
        if (occurredAt.isAfter(clock.instant().plus(futureTolerance))) {
            throw refuse(RejectReason.DATE_IN_FUTURE, "'occurredAt' " + occurredAt
                    + " is in the future (tolerance " + futureTolerance + ")");
        }
        Instant reportedAt = object.hasNonNull("reportedAt") ? requiredInstant(object, "reportedAt") : null;
        Source source = source(object);
        Map<String, Object> attributes = attributes(object);
        String summary = optionalText(object, "summary");
        return new Event(id, type, actors, occurredAt, reportedAt, source, attributes, summary, channel(object));
    }

    private String channel(ObjectNode object) {
        if (!object.hasNonNull("channel")) {
            return defaultChannel;
        }
        String name = requiredText(object, "channel");
        try {
            return Channels.require(name);
        } catch (IllegalArgumentException e) {
            throw refuse(RejectReason.INVALID_CHANNEL, "'channel' must be 1-32 lower-case letters, digits or hyphens "
                    + "starting with a letter (like curated, gdelt, sipri), got '" + excerpt(name) + "'");
        }
    }

    private static List<String> actors(ObjectNode object) {
        JsonNode node = required(object, "actors");
        if (!node.isArray()) {
            throw refuse(RejectReason.WRONG_TYPE, "'actors' must be an array of country codes, got "
                    + describe(node.getNodeType()));
        }
        List<String> actors = new ArrayList<>(node.size());
        for (JsonNode actor : node) {
            if (!actor.isTextual()) {
                throw refuse(RejectReason.WRONG_TYPE, "'actors' must hold strings, got "
                        + describe(actor.getNodeType()));
            }
            String code = actor.textValue();
            if (!CountryCodes.isKnown(code)) {
                throw refuse(RejectReason.UNKNOWN_COUNTRY, "'" + excerpt(code)
                        + "' in 'actors' is not an ISO 3166 alpha-3 country code (like RUS, CHN, IRN, PRK)");
            }
            if (actors.contains(code)) {
                throw refuse(RejectReason.TOO_FEW_ACTORS, "'" + code + "' appears twice in 'actors'");
            }
            actors.add(code);
        }
        if (actors.size() < 2) {
            throw refuse(RejectReason.TOO_FEW_ACTORS,
                    "'actors' needs two or more distinct country codes, got " + actors.size());
        }
        return actors;
    }

    private static Source source(ObjectNode object) {
        JsonNode node = required(object, "source");
        if (!node.isObject()) {
            throw refuse(RejectReason.WRONG_TYPE, "'source' must be an object, got " + describe(node.getNodeType()));
        }
        ObjectNode source = (ObjectNode) node;
        for (Iterator<String> names = source.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SOURCE_FIELDS.contains(name)) {
                throw refuse(RejectReason.UNKNOWN_FIELD, "unknown field 'source." + excerpt(name)
                        + "'; allowed are " + sorted(SOURCE_FIELDS));
            }
        }
        String name = requiredText(source, "name", "source.name");
        if (name.isBlank()) {
            throw refuse(RejectReason.INVALID_VALUE, "'source.name' must not be blank");
        }
        String url = source.hasNonNull("url") ? requiredText(source, "url", "source.url") : null;
        char reliability = 'F';
        if (source.hasNonNull("reliability")) {
            String text = requiredText(source, "reliability", "source.reliability");
            if (text.length() != 1 || text.charAt(0) < 'A' || text.charAt(0) > 'F') {
                throw refuse(RejectReason.INVALID_VALUE,
                        "'source.reliability' must be one letter A-F, got '" + excerpt(text) + "'");
            }
            reliability = text.charAt(0);
        }
        int credibility = 6;
        if (source.hasNonNull("credibility")) {
            JsonNode value = source.get("credibility");
            if (!value.isIntegralNumber()) {
                throw refuse(RejectReason.WRONG_TYPE, "'source.credibility' must be an integer 1-6, got "
                        + describe(value.getNodeType()));
            }
            if (!value.canConvertToInt() || value.intValue() < 1 || value.intValue() > 6) {
                throw refuse(RejectReason.INVALID_VALUE,
                        "'source.credibility' must be 1-6, got " + excerpt(value.asText()));
            }
            credibility = value.intValue();
        }
        return new Source(name, url, new Grade(reliability, credibility));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(ObjectNode object) {
        if (!object.hasNonNull("attributes")) {
            return Map.of();
        }
        JsonNode node = object.get("attributes");
        if (!node.isObject()) {
            throw refuse(RejectReason.WRONG_TYPE, "'attributes' must be an object, got "
                    + describe(node.getNodeType()));
        }
        checkStrings(node, () -> "attributes");
        return (Map<String, Object>) plain(node);
    }

    /** The tree as plain Java values, built directly: ObjectMapper.convertValue costs a serialisation round trip. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    /** The path is built only for an error message: building it for every value was a measurable cost. */
    private static void checkStrings(JsonNode node, Supplier<String> path) {
        if (node.isTextual() && node.textValue().length() > MAX_STRING_CHARS) {
            throw refuse(RejectReason.INVALID_VALUE, "'" + path.get() + "' is longer than " + MAX_STRING_CHARS
                    + " characters");
        }
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            throw refuse(RejectReason.INVALID_VALUE, "'" + path.get() + "' is not a finite number");
        }
        if (node.isObject()) {
            node.properties().forEach(e -> checkStrings(e.getValue(), () -> path.get() + "." + excerpt(e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                int index = i;
                checkStrings(node.get(i), () -> path.get() + "[" + index + "]");
            }
        }
    }

    private static Instant requiredInstant(ObjectNode object, String field) {
        String text = requiredText(object, field);
        Instant instant;
        try {
            instant = text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : io.dyadwatch.model.json.UtcInstants.parseOrNull(text);
            if (instant == null) {
                instant = OffsetDateTime.parse(text).toInstant();
            }
        } catch (DateTimeException e) {
            throw refuse(RejectReason.UNPARSEABLE_DATE, "'" + field + "' must be a date (2023-03-15) or a UTC "
                    + "date-time (2023-03-15T08:00:00Z), got '" + excerpt(text) + "'");
        }
        if (instant.isBefore(EARLIEST)) {
            throw refuse(RejectReason.DATE_OUT_OF_RANGE, "'" + field + "' " + text + " is before 1900");
        }
        return instant;
    }


    private static JsonNode required(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            throw refuse(RejectReason.MISSING_FIELD, "required field '" + field + "' is missing");
        }
        return node;
    }

    private static String requiredText(ObjectNode object, String field) {
        return requiredText(object, field, field);
    }

    private static String requiredText(ObjectNode object, String field, String path) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            throw refuse(RejectReason.MISSING_FIELD, "required field '" + path + "' is missing");
        }
        if (!node.isTextual()) {
            throw refuse(RejectReason.WRONG_TYPE, "'" + path + "' must be a string, got "
                    + describe(node.getNodeType()));
        }
        if (node.textValue().length() > MAX_STRING_CHARS) {
            throw refuse(RejectReason.INVALID_VALUE, "'" + path + "' is longer than " + MAX_STRING_CHARS
                    + " characters");
        }
        return node.textValue();
    }

    private static String optionalText(ObjectNode object, String field) {
        return object.hasNonNull(field) ? requiredText(object, field) : "";
    }

    private static String describe(JsonNodeType type) {
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    /** A short, printable excerpt of untrusted text for error messages. */
    static String excerpt(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return text.codePointCount(0, text.length()) > 40 ? out + "..." : out.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return excerpt(newline < 0 ? message : message.substring(0, newline));
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static Refused refuse(RejectReason reason, String message) {
        return new Refused(new Rejection(reason, message));
    }

    /** Control flow for the first fault found, carrying its rejection; never escapes this class. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Rejection rejection;

        Refused(Rejection rejection) {
            super(rejection.message(), null, false, false);
            this.rejection = rejection;
        }
    }
}
