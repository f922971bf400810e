package io.dyadwatch.model.event;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-3 country codes, as the JDK knows them. */
public final class CountryCodes {

    private static final Set<String> ALPHA3 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    private CountryCodes() {
    }

    /** True for an assigned ISO 3166-1 alpha-3 code, upper case ("RUS", "CHN", "PRK"). */
    public static boolean isKnown(String code) {
        return code != null && ALPHA3.contains(code);
    }
}
