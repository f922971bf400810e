package io.dyadwatch.model.assessment;

/** The three futures of the seed analyses (The Diplomat, "3 Possible Futures for China-Russia Military Cooperation"). */
public enum Scenario {
    /** "Future 1: The Status Quo Persists". */
    STATUS_QUO,
    /** "Future 2: Ties Notably Weaken". */
    WEAKENING,
    /** "Future 3: Cooperation Is Markedly Strengthened". */
    STRENGTHENING
}
