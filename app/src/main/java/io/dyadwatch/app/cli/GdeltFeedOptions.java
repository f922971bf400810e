package io.dyadwatch.app.cli;

import io.dyadwatch.producer.feed.GdeltMirror;
import io.dyadwatch.producer.feed.Slot;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** Where the GDELT feed reads from and how often: shared by {@code feed gdelt} and {@code run --feed gdelt}. */
public final class GdeltFeedOptions {

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "http://data.gdeltproject.org/gdeltv2/",
            description = "Where lastupdate.txt, masterfilelist.txt and the slot files are (a mirror works; default ${DEFAULT-VALUE}).")
    URI baseUrl = GdeltMirror.GDELT;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
            description = "How often lastupdate.txt is read (like 15m, 90s, 1h; default ${DEFAULT-VALUE}).")
    Duration pollInterval = Duration.ofMinutes(15);

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Longest wait for one file, body included (default ${DEFAULT-VALUE}); slower is a gap, retried.")
    Duration timeout = Duration.ofSeconds(60);

    @Option(names = "--from", paramLabel = "DATE", description = "First day to read (UTC, like 2025-06-01): the start of a"
            + " backfill, or of a live feed that has no checkpoint yet (default: the newest listed slot).")
    LocalDate from;

    @Option(names = "--mentions", description = "Also read each slot's mentions table: a later mention of a published event"
            + " from a new source is published as a corroborating report of it (attribute reportOf), never a new event.")
    boolean mentions;

    /** Events remembered for their later mentions: about a week of watched GDELT events at today's volumes. */
    static final int MENTIONED_EVENTS = 200_000;

    /** The mention reader {@code --mentions} asks for, or null. */
    io.dyadwatch.producer.gdelt.MentionReports mentionReports() {
        return mentions ? new io.dyadwatch.producer.gdelt.MentionReports(MENTIONED_EVENTS) : null;
    }

    /** The first slot of {@code --from}, or null. */
    Slot firstSlot() {
        return from == null ? null : new Slot(from.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Reads {@code 15m}, {@code 90s}, {@code 1h}, {@code 500ms} or ISO-8601 ({@code PT15M}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,9})(ms|s|m|h)").matcher(v);
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                try {
                    d = Duration.parse(value.trim());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("a duration is like 15m, 90s, 1h or PT15M; got '" + value + "'");
                }
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a duration must be positive, got '" + value + "'");
            }
            return d;
        }
    }
}
