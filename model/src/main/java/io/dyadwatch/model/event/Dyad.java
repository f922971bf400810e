package io.dyadwatch.model.event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A watched pair (or group) of states, identified by their ISO 3166 alpha-3 codes sorted and joined
 * by '-': {@code CHN-RUS}, {@code CHN-IRN-RUS}.
 *
 * @param members two or more distinct codes, sorted
 */
public record Dyad(List<String> members) {

    public Dyad {
        Objects.requireNonNull(members, "members");
        TreeSet<String> sorted = new TreeSet<>(members);
        if (sorted.size() < 2) {
            throw new IllegalArgumentException("a dyad needs two or more distinct countries, got " + members);
        }
        for (String code : sorted) {
            if (!CountryCodes.isKnown(code)) {
                throw new IllegalArgumentException("unknown ISO 3166 alpha-3 country code '" + code + "'");
            }
        }
        members = List.copyOf(sorted);
    }

    /** The dyad of the given countries, in any order. */
    public static Dyad of(Collection<String> codes) {
        return new Dyad(new ArrayList<>(codes));
    }

    /** Parses a key like {@code CHN-RUS}. */
    public static Dyad parse(String key) {
        Objects.requireNonNull(key, "dyad");
        return new Dyad(List.of(key.trim().toUpperCase(java.util.Locale.ROOT).split("-")));
    }

    /** True when every member of this dyad is among the given actors. */
    public boolean isContainedIn(Collection<String> actors) {
        return actors.containsAll(members);
    }

    /** The record key: codes sorted and joined by '-'. */
    public String key() {
        return String.join("-", members);
    }

    @Override
    public String toString() {
        return key();
    }
}
