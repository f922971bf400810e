package io.dyadwatch.model.assessment;

import io.dyadwatch.model.event.Channels;
import java.time.LocalDate;

/**
 * What one evidence channel of a dyad covers, and why: the time its collection watched, so that absence of its reports
 * in that time is evidence. Covered time is chosen independently of what was reported: a sender declares it (a record
 * file's span line, {@code publish --covers}, the HTTP {@code DyadWatch-Covers} header, {@code backtest --covers}),
 * or, when a channel's reports arrive without a declaration, it is assumed continuous from the first whole day after
 * the monitor first received from the channel (the dyad's clock at that receipt). A report about time neither
 * declared nor assumed is shown as evidence and adds no count.
 *
 * @param channel      the evidence channel
 * @param weighed      true when the channel is weighed against baselines of its own; false: shown, never weighed
 * @param declaredFrom the first day any declaration of the channel covered, or null when none was declared
 * @param declaredTo   the last day any declaration covered (the span from {@code declaredFrom} may have holes), or null
 * @param assumedFrom  the first day of coverage assumed from the first undeclared receipt, or null when every report
 *                     came declared
 */
public record ChannelCoverage(String channel, boolean weighed, LocalDate declaredFrom, LocalDate declaredTo,
        LocalDate assumedFrom) {

    public ChannelCoverage {
        channel = Channels.require(channel);
        if ((declaredFrom == null) != (declaredTo == null)) {
            throw new IllegalArgumentException("a declared span needs both ends, got " + declaredFrom + ".." + declaredTo);
        }
        if (declaredFrom != null && declaredTo.isBefore(declaredFrom)) {
            throw new IllegalArgumentException("declared span ends before it starts: " + declaredFrom + ".." + declaredTo);
        }
    }

    /** A channel first seen, with nothing declared or assumed yet. */
    public static ChannelCoverage seen(String channel, boolean weighed) {
        return new ChannelCoverage(channel, weighed, null, null, null);
    }

    /** With one more declaration (the declared span grows to hold it). */
    public ChannelCoverage declared(LocalDate from, LocalDate to) {
        LocalDate f = declaredFrom == null || from.isBefore(declaredFrom) ? from : declaredFrom;
        LocalDate t = declaredTo == null || to.isAfter(declaredTo) ? to : declaredTo;
        return new ChannelCoverage(channel, weighed, f, t, assumedFrom);
    }

    /** With coverage assumed from {@code day} on (kept as it is when it was assumed before). */
    public ChannelCoverage assumedFrom(LocalDate day) {
        return assumedFrom != null ? this : new ChannelCoverage(channel, weighed, declaredFrom, declaredTo, day);
    }

    /** How the coverage is known, in words: declared, assumed, declared and assumed, or none. */
    public String basis() {
        if (declaredFrom != null) {
            return assumedFrom != null ? "declared and assumed" : "declared";
        }
        return assumedFrom != null ? "assumed" : "none";
    }
}
