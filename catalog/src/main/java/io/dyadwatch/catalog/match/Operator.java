package io.dyadwatch.catalog.match;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The operators of an attribute predicate such as {@code themes contains anti-submarine}. */
public enum Operator {
    /** The attribute is a single value equal to the operand. */
    EQUALS("=", Operand.ONE),
    /** The attribute is absent, or not a single value equal to the operand. */
    NOT_EQUALS("!=", Operand.ONE),
    /** The attribute (or, for a list, one of its elements) is one of the operands. */
    IN("in", Operand.LIST),
    /** The attribute is absent, or neither it nor any of its elements is one of the operands. */
    NOT_IN("notIn", Operand.LIST),
    /** The attribute is a list containing the operand (or a single value equal to it). */
    CONTAINS("contains", Operand.ONE),
    /** The attribute is present and not empty. */
    NON_EMPTY("nonEmpty", Operand.NONE),
    /** The attribute is absent or empty. */
    ABSENT("absent", Operand.NONE),
    /** Numeric comparison; a list attribute compares its size. False when absent or not numeric. */
    AT_LEAST(">=", Operand.NUMBER),
    /** Numeric comparison, as {@link #AT_LEAST}. */
    GREATER(">", Operand.NUMBER),
    /** Numeric comparison, as {@link #AT_LEAST}. */
    AT_MOST("<=", Operand.NUMBER),
    /** Numeric comparison, as {@link #AT_LEAST}. */
    LESS("<", Operand.NUMBER);

    /** What an operator takes on its right. */
    public enum Operand { NONE, ONE, LIST, NUMBER }

    private final String symbol;
    private final Operand operand;

    Operator(String symbol, Operand operand) {
        this.symbol = symbol;
        this.operand = operand;
    }

    /** As written in the catalog. */
    public String symbol() {
        return symbol;
    }

    /** What the operator takes on its right. */
    public Operand operand() {
        return operand;
    }

    /** The operator written as {@code symbol} (case-insensitive for words). */
    public static Optional<Operator> bySymbol(String symbol) {
        return Arrays.stream(values())
                .filter(o -> o.symbol.toLowerCase(Locale.ROOT).equals(symbol.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** Every symbol, for error messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(Operator::symbol).collect(Collectors.joining(", "));
    }
}
