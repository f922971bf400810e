package io.dyadwatch.producer.sipri;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipriCountriesTest {

    @Test
    void shouldMapWatchedStatesAndSipriSpellings() {
        assertThat(SipriCountries.code("Russia")).contains("RUS");
        assertThat(SipriCountries.code("China")).contains("CHN");
        assertThat(SipriCountries.code("Iran")).contains("IRN");
        assertThat(SipriCountries.code("North Korea")).contains("PRK");
        assertThat(SipriCountries.code("South Korea")).contains("KOR");
        assertThat(SipriCountries.code("Viet Nam")).contains("VNM");
        assertThat(SipriCountries.code("Turkiye")).contains("TUR");
        assertThat(SipriCountries.code("UAE")).contains("ARE");
        assertThat(SipriCountries.code("Taiwan")).contains("TWN");
        assertThat(SipriCountries.code("India")).contains("IND");
        assertThat(SipriCountries.code("Belarus")).contains("BLR");
        assertThat(SipriCountries.all()).hasSize(190);
    }

    @Test
    void shouldKnowPartiesWithoutIsoCode() {
        assertThat(SipriCountries.code("Soviet Union")).isEmpty();
        assertThat(SipriCountries.hasNoCode("Soviet Union")).isTrue();
        assertThat(SipriCountries.hasNoCode("Houthi rebels (Yemen)*")).isTrue();
        assertThat(SipriCountries.hasNoCode("NATO**")).isTrue();
        assertThat(SipriCountries.hasNoCode("unknown supplier(s)")).isTrue();
        assertThat(SipriCountries.hasNoCode("Atlantis")).isFalse();
    }
}
