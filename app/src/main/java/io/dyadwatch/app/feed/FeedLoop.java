package io.dyadwatch.app.feed;

import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.channel.FeedCheckpoint;
import io.dyadwatch.producer.feed.GdeltFeed;
import io.dyadwatch.producer.gdelt.MentionReports;
import io.dyadwatch.producer.feed.GdeltMirror;
import io.dyadwatch.producer.feed.RetryPolicy;
import io.dyadwatch.producer.feed.Slot;
import io.dyadwatch.producer.feed.TransactionalSlotOutput;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live GDELT feed on its own thread: resumes after its committed checkpoint (or starts at {@code --from}, or at
 * the newest listed slot), polls every interval, and stops when closed. A slot's failure never stops it; a Kafka
 * failure does ({@link #failure()}), and a restart resumes from the checkpoint.
 */
public final class FeedLoop implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FeedLoop.class);

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Thread thread;

    private FeedLoop(Runnable body) {
        this.thread = new Thread(body, "dyadwatch-feed-gdelt");
    }

    /**
     * Starts the loop.
     *
     * @param first        the first slot when there is no checkpoint, or null for the newest listed
     * @param mentions     reads mentions as corroborating reports, or null for none
     * @param beforeCommit runs inside each slot's transaction before its commit (tests)
     */
    public static FeedLoop start(Settings settings, GdeltMirror mirror, Duration interval, Slot first,
            MentionReports mentions, MeterRegistry registry, Clock clock, PrintWriter out, Consumer<Slot> beforeCommit) {
        FeedLoop[] self = new FeedLoop[1];
        self[0] = new FeedLoop(() -> self[0].run(settings, mirror, interval, first, mentions, registry, clock, out,
                beforeCommit));
        self[0].thread.start();
        return self[0];
    }

    /** The transactional id of the feed under the settings' topic prefix: one live feed per prefix. */
    public static String transactionalId(Settings settings) {
        return settings.common().topics().prefix() + "feed-" + GdeltFeed.NAME;
    }

    private void run(Settings settings, GdeltMirror mirror, Duration interval, Slot first, MentionReports mentions,
            MeterRegistry registry, Clock clock, PrintWriter out, Consumer<Slot> beforeCommit) {
        try (TransactionalSlotOutput output = new TransactionalSlotOutput(settings.common().bootstrapServers(),
                settings.kafkaOverrides(), settings.common().topics(), settings.common().dyads(),
                io.dyadwatch.model.event.Channels.GDELT, transactionalId(settings), beforeCommit)) {
            GdeltFeed feed = new GdeltFeed(mirror, new LinkedHashSet<>(settings.common().dyads()), output, registry,
                    clock, RetryPolicy.STANDARD);
            if (mentions != null) {
                feed.withMentions(mentions);
            }
            Optional<FeedCheckpoint> checkpoint = output.checkpoint(GdeltFeed.NAME);
            if (checkpoint.isPresent()) {
                feed.resumeFrom(checkpoint.get());
                out.println("feed gdelt: resuming after slot " + feed.last() + " (" + checkpoint.get().openGaps().size()
                        + " open gaps to retry)");
            } else if (first != null) {
                feed.startAt(first);
                out.println("feed gdelt: no checkpoint; starting at slot " + first);
            } else {
                out.println("feed gdelt: no checkpoint; starting at the newest listed slot");
            }
            out.flush();
            do {
                GdeltFeed.PollResult result = feed.poll();
                if (result.slotsRead() + result.gapsOpened() + result.gapsClosed() > 0) {
                    out.printf("feed gdelt: up to slot %s: %d read, %d gaps opened, %d closed, %d open%n", feed.last(),
                            result.slotsRead(), result.gapsOpened(), result.gapsClosed(), feed.openGaps().size());
                    out.flush();
                }
            } while (!stop.await(interval.toMillis(), TimeUnit.MILLISECONDS));
            done.complete(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.complete(null);
        } catch (Exception | Error e) {
            LOG.error("GDELT feed stopped; a restart resumes after its checkpoint", e);
            done.completeExceptionally(e);
        }
    }

    /** Completes when the loop ends: normally after {@link #close()}, exceptionally when Kafka failed. */
    public CompletableFuture<Void> failure() {
        return done;
    }

    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
