package io.dyadwatch.app.trackrecord;

import io.dyadwatch.app.backtest.Backtest;
import io.dyadwatch.app.backtest.BacktestAlert;
import io.dyadwatch.app.backtest.BacktestResult;
import io.dyadwatch.app.backtest.BacktestWindow;
import io.dyadwatch.app.wiring.Analysis;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.catalog.history.TurningPoints;
import io.dyadwatch.catalog.model.Quarter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replays every bundled record, each for its own dyad, through the backtest, and scores the alerts against the turning
 * points. A dyad with a record must be listed in the turning points (with turning points or with none).
 */
public final class TrackRecordReplay {

    /** One dyad's replay and its score. */
    public record DyadReplay(RecordedDyad dyad, BacktestResult backtest, DyadTrackRecord score) {
    }

    private final Path config;
    private final Map<String, String> environment;
    private final Map<String, String> flags;

    /**
     * @param config      settings file or null
     * @param environment the environment's settings
     * @param flags       command-line settings; {@code dyads} and {@code streams.clock} are set per replay
     */
    public TrackRecordReplay(Path config, Map<String, String> environment, Map<String, String> flags) {
        this.config = config;
        this.environment = Map.copyOf(environment);
        this.flags = Map.copyOf(Objects.requireNonNull(flags, "flags"));
    }

    /**
     * Replays and scores every dyad with a record.
     *
     * @throws IOException              when a record cannot be read
     * @throws IllegalArgumentException when a dyad with a record has no entry in the turning points
     */
    public List<DyadReplay> run(TurningPoints turningPoints) throws IOException {
        Analysis catalogOnly = Analysis.load(settings(null));
        List<DyadReplay> out = new ArrayList<>();
        for (RecordedDyad recorded : RecordedDyad.of(catalogOnly.catalog())) {
            String dyad = recorded.dyad().key();
            if (!turningPoints.lists(dyad)) {
                throw new IllegalArgumentException(dyad + " has a record (" + recorded.record() + ") but no entry in "
                        + TurningPoints.RESOURCE + "; add its turning points, or none with the reason");
            }
            Settings settings = settings(dyad);
            if (settings.streams().period() != io.dyadwatch.model.assessment.PeriodUnit.QUARTER) {
                throw new IllegalArgumentException("the track record scores quarters (the turning points are dated to"
                        + " quarters): it needs streams.period=QUARTER, not " + settings.streams().period());
            }
            QuarterSpan covered = recorded.coveredQuarters();
            BacktestResult result = new Backtest(settings, Analysis.load(settings), recorded.dyad())
                    .run(List.of(recorded.input()), new BacktestWindow(null, covered.to().toString()), Backtest.Progress.NONE);
            List<ScoredAlert> alerts = result.alerts().stream().map(a -> scored(dyad, a)).toList();
            DyadTrackRecord score = TrackRecordScorer.score(dyad, turningPoints.of(dyad), turningPoints.none().get(dyad),
                    alerts, recorded.reference(), covered);
            out.add(new DyadReplay(recorded, result, score));
        }
        return out;
    }

    private static ScoredAlert scored(String dyad, BacktestAlert a) {
        return new ScoredAlert(dyad, a.alert().rule(), a.alert().scenario(), Quarter.parse(a.period()),
                a.alert().subject() == null ? a.alert().rule() : a.alert().subject());
    }

    private Settings settings(String dyad) {
        Map<String, String> all = new LinkedHashMap<>(flags);
        if (dyad != null) {
            all.put("dyads", dyad);
        }
        all.put("streams.clock", "event");
        return Settings.resolve(config, environment, all);
    }
}
