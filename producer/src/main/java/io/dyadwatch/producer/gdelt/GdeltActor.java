package io.dyadwatch.producer.gdelt;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One side of a GDELT event as CAMEO codes it.
 *
 * @param code    the full CAMEO actor code, e.g. {@code RUSMIL}; may be empty
 * @param name    the actor name GDELT extracted, e.g. {@code RUSSIA}; may be empty
 * @param country the ISO alpha-3 country code; may be empty
 * @param roles   CAMEO role codes (GOV, MIL, SPY, BUS, ...) from the type fields and the actor code
 */
record GdeltActor(String code, String name, String country, Set<String> roles) {

    /** Roles that make an actor an official of the state. */
    static final Set<String> OFFICIAL_ROLES = Set.of("GOV", "MIL", "SPY");
    /** Roles of the armed forces and intelligence services. */
    static final Set<String> SECURITY_ROLES = Set.of("MIL", "SPY");

    GdeltActor {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        roles = Set.copyOf(roles);
    }

    /**
     * An actor from its columns: the role set joins the three type codes and the 3-letter chunks of the
     * actor code after its country prefix ({@code RUSGOVMIL} gives GOV and MIL).
     */
    static GdeltActor of(String code, String name, String country, String... types) {
        Set<String> roles = new LinkedHashSet<>();
        for (String type : types) {
            if (!type.isEmpty()) {
                roles.add(type);
            }
        }
        String rest = !country.isEmpty() && code.startsWith(country) ? code.substring(country.length()) : "";
        for (int i = 0; i + 3 <= rest.length(); i += 3) {
            roles.add(rest.substring(i, i + 3));
        }
        return new GdeltActor(code, name, country, roles);
    }

    /** A government, military or intelligence actor. */
    boolean isOfficial() {
        return roles.stream().anyMatch(OFFICIAL_ROLES::contains);
    }

    /** A military or intelligence actor. */
    boolean isSecurity() {
        return roles.stream().anyMatch(SECURITY_ROLES::contains);
    }

    /** The state as such: a bare country code with no role, or an official. */
    boolean isState() {
        return roles.isEmpty() || isOfficial();
    }

    /** The code to show a person: the actor code, else the country. */
    String label() {
        return code.isEmpty() ? country : code;
    }
}
