package io.dyadwatch.producer.sipri;

import io.dyadwatch.model.event.CountryCodes;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * SIPRI's party names and their ISO 3166 alpha-3 codes: every state named in the 1950-2023 trade register.
 * SIPRI marks non-state armed groups with {@code *} and organisations (UN, NATO, AU) with {@code **}; these,
 * former states (Soviet Union, Yugoslavia, ...) and unknown parties have no ISO code and are listed apart.
 * The Soviet Union is deliberately not mapped to Russia: folding four decades of Soviet deliveries into
 * Russia's record would distort the Russia-China and Russia-North Korea baselines; its rows are counted
 * under the no-code skip reason instead.
 */
final class SipriCountries {

    private static final String CODES = """
            Afghanistan|AFG
            Albania|ALB
            Algeria|DZA
            Angola|AGO
            Antigua and Barbuda|ATG
            Argentina|ARG
            Armenia|ARM
            Aruba|ABW
            Australia|AUS
            Austria|AUT
            Azerbaijan|AZE
            Bahamas|BHS
            Bahrain|BHR
            Bangladesh|BGD
            Barbados|BRB
            Belarus|BLR
            Belgium|BEL
            Belize|BLZ
            Benin|BEN
            Bhutan|BTN
            Bolivia|BOL
            Bosnia-Herzegovina|BIH
            Botswana|BWA
            Brazil|BRA
            Brunei|BRN
            Bulgaria|BGR
            Burkina Faso|BFA
            Burundi|BDI
            Cabo Verde|CPV
            Cambodia|KHM
            Cameroon|CMR
            Canada|CAN
            Central African Republic|CAF
            Chad|TCD
            Chile|CHL
            China|CHN
            Colombia|COL
            Comoros|COM
            Congo|COG
            Costa Rica|CRI
            Cote d'Ivoire|CIV
            Croatia|HRV
            Cuba|CUB
            Cyprus|CYP
            Czechia|CZE
            DR Congo|COD
            Denmark|DNK
            Djibouti|DJI
            Dominican Republic|DOM
            Ecuador|ECU
            Egypt|EGY
            El Salvador|SLV
            Equatorial Guinea|GNQ
            Eritrea|ERI
            Estonia|EST
            Ethiopia|ETH
            Fiji|FJI
            Finland|FIN
            France|FRA
            Gabon|GAB
            Gambia|GMB
            Georgia|GEO
            Germany|DEU
            Ghana|GHA
            Greece|GRC
            Grenada|GRD
            Guatemala|GTM
            Guinea|GIN
            Guinea-Bissau|GNB
            Guyana|GUY
            Haiti|HTI
            Honduras|HND
            Hungary|HUN
            Iceland|ISL
            India|IND
            Indonesia|IDN
            Iran|IRN
            Iraq|IRQ
            Ireland|IRL
            Israel|ISR
            Italy|ITA
            Jamaica|JAM
            Japan|JPN
            Jordan|JOR
            Kazakhstan|KAZ
            Kenya|KEN
            Kiribati|KIR
            Kuwait|KWT
            Kyrgyzstan|KGZ
            Laos|LAO
            Latvia|LVA
            Lebanon|LBN
            Lesotho|LSO
            Liberia|LBR
            Libya|LBY
            Libya GNC|LBY
            Lithuania|LTU
            Luxembourg|LUX
            Madagascar|MDG
            Malawi|MWI
            Malaysia|MYS
            Maldives|MDV
            Mali|MLI
            Malta|MLT
            Marshall Islands|MHL
            Mauritania|MRT
            Mauritius|MUS
            Mexico|MEX
            Micronesia|FSM
            Moldova|MDA
            Mongolia|MNG
            Montenegro|MNE
            Morocco|MAR
            Mozambique|MOZ
            Myanmar|MMR
            Namibia|NAM
            Nepal|NPL
            Netherlands|NLD
            New Zealand|NZL
            Nicaragua|NIC
            Niger|NER
            Nigeria|NGA
            North Korea|PRK
            North Macedonia|MKD
            Norway|NOR
            Oman|OMN
            Pakistan|PAK
            Palau|PLW
            Palestine|PSE
            Panama|PAN
            Papua New Guinea|PNG
            Paraguay|PRY
            Peru|PER
            Philippines|PHL
            Poland|POL
            Portugal|PRT
            Qatar|QAT
            Romania|ROU
            Russia|RUS
            Rwanda|RWA
            Saint Kitts and Nevis|KNA
            Saint Vincent|VCT
            Samoa|WSM
            Saudi Arabia|SAU
            Senegal|SEN
            Serbia|SRB
            Seychelles|SYC
            Sierra Leone|SLE
            Singapore|SGP
            Slovakia|SVK
            Slovenia|SVN
            Solomon Islands|SLB
            Somalia|SOM
            South Africa|ZAF
            South Korea|KOR
            South Sudan|SSD
            Spain|ESP
            Sri Lanka|LKA
            Sudan|SDN
            Suriname|SUR
            Sweden|SWE
            Switzerland|CHE
            Syria|SYR
            Taiwan|TWN
            Tajikistan|TJK
            Tanzania|TZA
            Thailand|THA
            Timor-Leste|TLS
            Togo|TGO
            Tonga|TON
            Trinidad and Tobago|TTO
            Tunisia|TUN
            Turkiye|TUR
            Turkmenistan|TKM
            Tuvalu|TUV
            UAE|ARE
            Uganda|UGA
            Ukraine|UKR
            United Kingdom|GBR
            United States|USA
            Uruguay|URY
            Uzbekistan|UZB
            Vanuatu|VUT
            Venezuela|VEN
            Viet Nam|VNM
            Western Sahara|ESH
            Yemen|YEM
            Zambia|ZMB
            Zimbabwe|ZWE
            eSwatini|SWZ
            """;

    private static final String WITHOUT_CODE = """
            Biafra
            Czechoslovakia
            East Germany (GDR)
            Katanga
            Kosovo
            North Yemen
            Northern Cyprus
            South Vietnam
            South Yemen
            Soviet Union
            Yemen Arab Republic (North Yemen)
            Yugoslavia
            unknown recipient(s)
            unknown supplier(s)
            """;

    private static final Map<String, String> BY_NAME = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final Set<String> NO_CODE = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        CODES.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
            int bar = line.indexOf('|');
            String code = line.substring(bar + 1);
            if (!CountryCodes.isKnown(code)) {
                throw new IllegalStateException("not an ISO 3166 alpha-3 code: " + line);
            }
            BY_NAME.put(line.substring(0, bar), code);
        });
        WITHOUT_CODE.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(NO_CODE::add);
    }

    private SipriCountries() {
    }

    /** The ISO code of a SIPRI state name, if it is a known state. */
    static Optional<String> code(String name) {
        return Optional.ofNullable(BY_NAME.get(name.strip()));
    }

    /** True for names SIPRI uses for parties that have no ISO code: groups, organisations, former states. */
    static boolean hasNoCode(String name) {
        String n = name.strip();
        return n.endsWith("*") || NO_CODE.contains(n);
    }

    /** Every mapped name (for tests and documentation). */
    static Map<String, String> all() {
        return Map.copyOf(BY_NAME);
    }
}
