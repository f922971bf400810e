package io.dyadwatch.catalog.match;

import io.dyadwatch.model.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A test on one attribute of an event, written {@code <path> <operator> [operand]}: {@code themes contains anti-submarine},
 * {@code near in [JPN, USA]}, {@code scale.ships >= 10}, {@code participants nonEmpty}, {@code framework = SCO}.
 *
 * <p>The path names an attribute, with dots into nested objects ({@code scale.ships}); the path {@code actors} names
 * the event's actors. Text is compared case-insensitively, with runs of spaces and underscores read as one hyphen
 * ({@code Anti Submarine} equals {@code anti-submarine}); booleans compare as {@code true}/{@code false}.
 *
 * @param path     attribute path, split at dots
 * @param operator the test
 * @param operands normalised operands (one for {@code =}, several for {@code in}, none for {@code nonEmpty})
 * @param number   the operand of a numeric comparison, else NaN
 * @param source   the predicate as written
 */
public record AttributePredicate(List<String> path, Operator operator, List<String> operands, double number, String source) {

    private static final Pattern PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z][A-Za-z0-9_-]*)*");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_]+");

    public AttributePredicate {
        path = List.copyOf(path);
        Objects.requireNonNull(operator, "operator");
        operands = List.copyOf(operands);
        Objects.requireNonNull(source, "source");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a predicate needs an attribute path");
        }
    }

    /**
     * Parses a predicate.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what is allowed
     */
    public static AttributePredicate parse(String text) {
        String trimmed = text.trim();
        String[] parts = trimmed.split("\\s+", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a predicate; write <attribute> <operator> [operand],"
                    + " e.g. 'themes contains anti-submarine'");
        }
        if (!PATH.matcher(parts[0]).matches()) {
            throw new IllegalArgumentException("'" + parts[0] + "' is not an attribute path; allowed: names of letters, digits,"
                    + " '-' and '_' joined by dots, e.g. 'scale.ships'");
        }
        Operator operator = Operator.bySymbol(parts[1]).orElseThrow(() -> new IllegalArgumentException(
                "unknown operator '" + parts[1] + "' in '" + trimmed + "'; allowed: " + Operator.allowed()));
        String rest = parts.length == 3 ? parts[2].trim() : "";
        List<String> path = List.of(parts[0].split("\\."));
        return switch (operator.operand()) {
            case NONE -> {
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException("operator '" + operator.symbol() + "' takes no operand, got '" + rest + "'");
                }
                yield new AttributePredicate(path, operator, List.of(), Double.NaN, trimmed);
            }
            case ONE -> {
                if (rest.isEmpty() || rest.startsWith("[")) {
                    throw new IllegalArgumentException("operator '" + operator.symbol() + "' takes one value, e.g. '"
                            + parts[0] + " " + operator.symbol() + " SCO'; got '" + rest + "'");
                }
                yield new AttributePredicate(path, operator, List.of(normalise(unquote(rest))), Double.NaN, trimmed);
            }
            case LIST -> {
                if (!rest.startsWith("[") || !rest.endsWith("]") || rest.length() < 3) {
                    throw new IllegalArgumentException("operator '" + operator.symbol() + "' takes a list, e.g. '"
                            + parts[0] + " " + operator.symbol() + " [JPN, USA]'; got '" + rest + "'");
                }
                List<String> values = new ArrayList<>();
                for (String v : rest.substring(1, rest.length() - 1).split(",")) {
                    if (v.isBlank()) {
                        throw new IllegalArgumentException("empty element in list '" + rest + "'");
                    }
                    values.add(normalise(unquote(v.trim())));
                }
                yield new AttributePredicate(path, operator, values, Double.NaN, trimmed);
            }
            case NUMBER -> {
                try {
                    yield new AttributePredicate(path, operator, List.of(), Double.parseDouble(rest), trimmed);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("operator '" + operator.symbol() + "' takes a number, e.g. '"
                            + parts[0] + " " + operator.symbol() + " 10'; got '" + rest + "'", e);
                }
            }
        };
    }

    /** True when the event satisfies this predicate. */
    public boolean test(Event event) {
        Object value = resolve(event);
        return switch (operator) {
            case EQUALS -> isScalar(value) && normalise(scalarText(value)).equals(operands.get(0));
            case NOT_EQUALS -> !(isScalar(value) && normalise(scalarText(value)).equals(operands.get(0)));
            case CONTAINS -> anyElement(value, operands::contains);
            case IN -> anyElement(value, operands::contains);
            case NOT_IN -> !anyElement(value, operands::contains);
            case NON_EMPTY -> !isEmpty(value);
            case ABSENT -> isEmpty(value);
            case AT_LEAST, GREATER, AT_MOST, LESS -> compare(value);
        };
    }

    /** Lower case, trimmed, runs of spaces and underscores as one hyphen. */
    public static String normalise(String text) {
        String trimmed = text.trim();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isUpperCase(c) || Character.isWhitespace(c) || c == '_') {
                return SEPARATORS.matcher(trimmed.toLowerCase(Locale.ROOT)).replaceAll("-");
            }
        }
        return trimmed;
    }

    private Object resolve(Event event) {
        if (path.size() == 1 && path.get(0).equals("actors")) {
            return event.actors();
        }
        Object current = event.attributes();
        for (String name : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(name);
        }
        return current;
    }

    private boolean compare(Object value) {
        double actual;
        if (value instanceof Number n) {
            actual = n.doubleValue();
        } else if (value instanceof List<?> l) {
            actual = l.size();
        } else if (value instanceof String s) {
            try {
                actual = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return false;
            }
        } else {
            return false;
        }
        return switch (operator) {
            case AT_LEAST -> actual >= number;
            case GREATER -> actual > number;
            case AT_MOST -> actual <= number;
            case LESS -> actual < number;
            default -> throw new IllegalStateException(operator.name());
        };
    }

    private static boolean anyElement(Object value, java.util.function.Predicate<String> test) {
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (isScalar(element) && test.test(normalise(scalarText(element)))) {
                    return true;
                }
            }
            return false;
        }
        return isScalar(value) && test.test(normalise(scalarText(value)));
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static String scalarText(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    private static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            return s.isBlank();
        }
        if (value instanceof List<?> l) {
            return l.isEmpty();
        }
        return value instanceof Map<?, ?> m && m.isEmpty();
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("'") && text.endsWith("'") || text.startsWith("\"") && text.endsWith("\""))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    @Override
    public String toString() {
        return source;
    }
}
