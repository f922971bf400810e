package io.dyadwatch.producer.gdelt;

import io.dyadwatch.model.event.EventType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which CAMEO event codes become which DyadWatch event types, and under what condition on the actors. The
 * table is documented, with the reasons for each choice, in {@code docs/importers.md}. A code not in the
 * table has no military meaning for DyadWatch and the row is skipped.
 *
 * <p>The importer applies the table only to rows whose two actor countries already form a watched dyad.
 */
public final class CameoMapping {

    /** A condition on the two actors of a row, beyond being the two watched states. */
    public enum Condition {
        /** No further condition: the code itself is military. */
        ANY("no condition"),
        /** Government, military or intelligence actors (GOV, MIL, SPY) on both sides. */
        BOTH_OFFICIAL("not government or military actors on both sides"),
        /** A military or intelligence actor (MIL, SPY) on at least one side. */
        EITHER_SECURITY("no military or intelligence actor"),
        /** The initiator is the state as such (a bare country code) or one of its officials. */
        STATE_INITIATOR("initiator is not the state or an official");

        private final String failure;

        Condition(String failure) {
            this.failure = failure;
        }

        boolean holds(GdeltActor initiator, GdeltActor target) {
            return switch (this) {
                case ANY -> true;
                case BOTH_OFFICIAL -> initiator.isOfficial() && target.isOfficial();
                case EITHER_SECURITY -> initiator.isSecurity() || target.isSecurity();
                case STATE_INITIATOR -> initiator.isState();
            };
        }

        /** What a row failing the condition lacks, as a skip reason fragment. */
        public String failure() {
            return failure;
        }
    }

    /**
     * One line of the table.
     *
     * @param code      the CAMEO EventCode, leading zeros kept
     * @param label     its CAMEO label, lower case
     * @param condition what the actors must be
     * @param type      the event type produced
     */
    public record Rule(String code, String label, Condition condition, EventType type) {
        public Rule {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(type, "type");
            if (!code.matches("\\d{3,4}")) {
                throw new IllegalArgumentException("a CAMEO event code has 3 or 4 digits, got '" + code + "'");
            }
        }
    }

    private static final CameoMapping STANDARD = new CameoMapping(List.of(
            new Rule("0312", "express intent to cooperate militarily", Condition.ANY, EventType.PUBLIC_STATEMENT),
            new Rule("0332", "express intent to provide military aid", Condition.ANY, EventType.PUBLIC_STATEMENT),
            new Rule("042", "make a visit", Condition.BOTH_OFFICIAL, EventType.LEADER_EXCHANGE),
            new Rule("043", "host a visit", Condition.BOTH_OFFICIAL, EventType.LEADER_EXCHANGE),
            new Rule("044", "meet at a third location", Condition.BOTH_OFFICIAL, EventType.LEADER_EXCHANGE),
            new Rule("046", "engage in negotiation", Condition.BOTH_OFFICIAL, EventType.LEADER_EXCHANGE),
            new Rule("057", "sign formal agreement", Condition.EITHER_SECURITY, EventType.DEFENSE_AGREEMENT),
            new Rule("062", "cooperate militarily", Condition.ANY, EventType.JOINT_EXERCISE),
            new Rule("064", "share intelligence or information", Condition.EITHER_SECURITY,
                    EventType.ISR_SPACE_COOPERATION),
            new Rule("072", "provide military aid", Condition.ANY, EventType.LETHAL_AID),
            new Rule("150", "demonstrate military or police power", Condition.ANY, EventType.JOINT_EXERCISE),
            new Rule("151", "increase police alert status", Condition.ANY, EventType.JOINT_EXERCISE),
            new Rule("152", "increase military alert status", Condition.ANY, EventType.JOINT_EXERCISE),
            new Rule("153", "mobilize or increase police power", Condition.ANY, EventType.JOINT_EXERCISE),
            new Rule("154", "mobilize or increase armed forces", Condition.ANY, EventType.JOINT_EXERCISE),
            new Rule("155", "mobilize or increase cyber-forces", Condition.ANY, EventType.JOINT_EXERCISE),
            new Rule("1212", "reject military cooperation", Condition.ANY, EventType.COOPERATION_SUSPENDED),
            new Rule("1622", "reduce or stop military assistance", Condition.ANY,
                    EventType.COOPERATION_SUSPENDED),
            new Rule("163", "impose embargo, boycott or sanctions", Condition.STATE_INITIATOR,
                    EventType.COOPERATION_SUSPENDED)));

    private final Map<String, Rule> byCode;

    /** A mapping with the given rules, one per code. */
    public CameoMapping(List<Rule> rules) {
        Map<String, Rule> map = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (map.put(rule.code(), rule) != null) {
                throw new IllegalArgumentException("CAMEO code " + rule.code() + " is mapped twice");
            }
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    /** The table documented in {@code docs/importers.md}. */
    public static CameoMapping standard() {
        return STANDARD;
    }

    /** The rules, in table order. */
    public List<Rule> rules() {
        return List.copyOf(byCode.values());
    }

    /** The rule for an event code, if it has one. */
    public Optional<Rule> rule(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** What to do with a row of two watched states. */
    Decision classify(GdeltRow row) {
        Rule rule = byCode.get(row.eventCode());
        if (rule == null) {
            return new Decision.Skipped("CAMEO " + (row.eventCode().isEmpty() ? "(none)" : row.eventCode())
                    + ": no military meaning");
        }
        if (!rule.condition().holds(row.actor1(), row.actor2())) {
            return new Decision.Skipped("CAMEO " + rule.code() + " (" + rule.label() + "): "
                    + rule.condition().failure());
        }
        return new Decision.Mapped(rule);
    }

    /** The outcome of classifying a row. */
    sealed interface Decision {
        /** The row becomes an event under this rule. */
        record Mapped(Rule rule) implements Decision {
        }

        /** The row is skipped for this reason. */
        record Skipped(String reason) implements Decision {
        }
    }
}
