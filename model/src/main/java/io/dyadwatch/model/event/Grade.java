package io.dyadwatch.model.event;

import java.util.Objects;

/**
 * Admiralty (NATO STANAG 2511) grade of a report: source reliability A (completely reliable) to F
 * (cannot be judged), and information credibility 1 (confirmed by other sources) to 6 (cannot be judged).
 *
 * @param reliability one of A-F
 * @param credibility 1-6
 */
public record Grade(char reliability, int credibility) implements Comparable<Grade> {

    /** The grade of a report nobody has judged: F6. */
    public static final Grade UNGRADED = new Grade('F', 6);

    public Grade {
        if (reliability < 'A' || reliability > 'F') {
            throw new IllegalArgumentException("reliability must be one of A-F, got '" + reliability + "'");
        }
        if (credibility < 1 || credibility > 6) {
            throw new IllegalArgumentException("credibility must be 1-6, got " + credibility);
        }
    }

    /** Parses "B2". */
    public static Grade parse(String text) {
        Objects.requireNonNull(text, "grade");
        if (text.length() != 2 || !Character.isDigit(text.charAt(1))) {
            throw new IllegalArgumentException("a grade is a letter A-F and a digit 1-6, like B2; got '" + text + "'");
        }
        return new Grade(text.charAt(0), text.charAt(1) - '0');
    }

    /** Better grades sort first: A1 before B1 before B2. */
    @Override
    public int compareTo(Grade other) {
        int byReliability = Character.compare(reliability, other.reliability);
        return byReliability != 0 ? byReliability : Integer.compare(credibility, other.credibility);
    }

    @Override
    public String toString() {
        return "" + reliability + credibility;
    }
}
