package io.dyadwatch.app.trackrecord;

import io.dyadwatch.app.backtest.EventInput;
import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.baseline.BaselineInfo;
import io.dyadwatch.catalog.baseline.RecordResource;
import io.dyadwatch.catalog.model.Quarter;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.RecordSpan;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A watched dyad whose baselines come from a bundled record: the record (its span line read, the events given to a
 * replay with that coverage), and the reference window.
 *
 * @param dyad      the dyad
 * @param record    the record's resource name, as the catalog names it
 * @param text      the record's events, without its span line
 * @param covers    the days the record covers (its span line)
 * @param reference the reference window of the dyad's baselines
 */
public record RecordedDyad(Dyad dyad, String record, String text, Coverage covers, QuarterSpan reference) {

    public RecordedDyad {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(covers, "covers");
        Objects.requireNonNull(reference, "reference");
    }

    /**
     * Every dyad of the catalog whose baselines are derived from a record, in catalog order.
     *
     * @throws IllegalArgumentException when a record states no span on its first line (a track record needs to know
     *                                  what it covers)
     */
    public static List<RecordedDyad> of(Catalog catalog) {
        List<RecordedDyad> out = new ArrayList<>();
        catalog.dyads().forEach((dyad, profile) -> {
            BaselineInfo info = profile.baselineInfo();
            if (info.basis() != BaselineInfo.Basis.RECORD) {
                return;
            }
            String text = RecordResource.text(info.source());
            RecordSpan span = RecordResource.span(text).orElseThrow(() -> new IllegalArgumentException("the record "
                    + info.source() + " of " + dyad + " states no span on its first line ({\"covers\":\"FROM..TO\"})"));
            out.add(new RecordedDyad(dyad, info.source(), text.substring(text.indexOf('\n') + 1), span.covers(),
                    new QuarterSpan(info.from(), info.to())));
        });
        return out;
    }

    /** The record as a replay input with its coverage. */
    public EventInput input() {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new EventInput("bundled record " + record, () -> new ByteArrayInputStream(bytes), covers);
    }

    /** The quarters the record covers. */
    public QuarterSpan coveredQuarters() {
        return new QuarterSpan(Quarter.of(covers.from()), Quarter.of(covers.to()));
    }
}
