package io.dyadwatch.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work on a terminal: items done, rate and, when the total is known, time left. Redraws one
 * line at most every 200 ms, on standard error; prints nothing when standard error is not a terminal
 * ({@link Terminals}) or when quiet.
 */
final class TerminalProgress implements AutoCloseable {

    private static final long REDRAW_NANOS = Duration.ofMillis(200).toNanos();

    private final PrintWriter err;
    private final boolean enabled;
    private final String what;
    private final LongSupplier doneFraction;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long count;

    /**
     * @param what          the unit counted, e.g. "events"
     * @param doneFraction  per mille of the input consumed (for time left), or null when unknown
     * @param quiet         --quiet was given
     */
    TerminalProgress(PrintWriter err, String what, LongSupplier doneFraction, boolean quiet) {
        this(err, what, doneFraction, quiet, Terminals.standardError());
    }

    TerminalProgress(PrintWriter err, String what, LongSupplier doneFraction, boolean quiet, boolean terminal) {
        this.err = err;
        this.enabled = !quiet && terminal;
        this.what = what;
        this.doneFraction = doneFraction;
    }

    /** One more item done. */
    void step() {
        advance(1);
    }

    /** {@code n} more items done. */
    void advance(long n) {
        count += n;
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(now);
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "\r%,d %s, %,.0f/s", count, what, count / seconds));
        if (doneFraction != null) {
            long perMille = Math.max(1, Math.min(1000, doneFraction.getAsLong()));
            double left = seconds * (1000 - perMille) / perMille;
            line.append(String.format(Locale.ROOT, ", %.1f%% read, about %ds left", perMille / 10.0, (long) left));
        }
        err.print(line.append("   "));
        err.flush();
    }

    @Override
    public void close() {
        if (enabled && count > 0) {
            draw(System.nanoTime());
            err.println();
            err.flush();
        }
    }
}
