package io.dyadwatch.model.event;

/**
 * The kinds of reported activity DyadWatch tracks, taken from the seed analyses.
 * The catalog may define indicators over any combination of these types.
 */
public enum EventType {
    /** Sale, order or delivery of weapons between the actors (supplier first). */
    ARMS_TRANSFER,
    /** Joint development, licences, engines, technology transfer. */
    DEFENSE_INDUSTRIAL_COOPERATION,
    /** Chips, drone parts, body armor, transshipment of controlled goods. */
    DUAL_USE_EXPORT,
    /** Weapons or ammunition supplied for use in a war. */
    LETHAL_AID,
    /** A combined exercise of the actors' forces. */
    JOINT_EXERCISE,
    /** Combined air or naval patrol. */
    COMBINED_PATROL,
    /** Meeting of heads of state, defense ministers or service chiefs. */
    LEADER_EXCHANGE,
    /** Defense agreement, treaty or formal alliance. */
    DEFENSE_AGREEMENT,
    /** Basing or access rights granted to the other's forces. */
    BASING_ACCESS,
    /** Intelligence, surveillance, reconnaissance or space cooperation. */
    ISR_SPACE_COOPERATION,
    /** Overland energy supplies that would sustain a partner in a crisis. */
    ENERGY_LIFELINE,
    /** Western sanctions or export controls on entities supporting the partner. */
    SANCTIONS_ACTION,
    /** Arms sales by one actor to the other's rival (Russia to India or Vietnam). */
    ARMS_SALE_TO_RIVAL,
    /** A public statement about the relationship. */
    PUBLIC_STATEMENT,
    /** Suspension, freeze or cancellation of a line of cooperation. */
    COOPERATION_SUSPENDED
}
