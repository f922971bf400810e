package io.dyadwatch.streams;

import io.dyadwatch.model.event.Channels;

/**
 * Which evidence channels the analyst weighs. A channel is weighed only against a baseline of its own, from its own
 * reference window ({@code ../shared/reference/channels.md}); the catalog's baselines are those of the
 * {@value Channels#CURATED} channel (analysts' graded reports, the record the reference windows are counted from), so
 * it is the one weighed today. Reports of any other channel (GDELT rows, SIPRI register lines) are shown: they enter
 * the evidence, corroborate an event, can be signature events, but add no count and cover no time.
 */
final class EvidenceChannels {

    private EvidenceChannels() {
    }

    /** True when reports of {@code channel} are counted against the dyad's baselines. */
    static boolean weighed(String channel) {
        return Channels.CURATED.equals(channel);
    }
}
