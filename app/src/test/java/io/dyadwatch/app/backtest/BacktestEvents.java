package io.dyadwatch.app.backtest;

import io.dyadwatch.app.wiring.Analysis;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.event.Dyad;
import java.util.Map;

/** Hand-written events and a CHN-RUS backtest for the tests. */
final class BacktestEvents {

    static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");
    static final Settings SETTINGS = Settings.resolve(null, Map.of(), Map.of("dyads", "CHN-RUS", "streams.clock", "event"));
    static final Analysis ANALYSIS = Analysis.load(SETTINGS);

    private BacktestEvents() {
    }

    static Backtest backtest() {
        return new Backtest(SETTINGS, ANALYSIS, CHN_RUS);
    }

    /** One JSON line; attributes and summary as given (summary is JSON-escaped here). */
    static String event(String id, String type, String date, String grade, String attributes, String summary) {
        return String.format("{\"id\":\"%s\",\"type\":\"%s\",\"actors\":[\"RUS\",\"CHN\"],\"occurredAt\":\"%s\","
                + "\"source\":{\"name\":\"Test Wire\",\"url\":\"https://example.org/%s\",\"reliability\":\"%s\","
                + "\"credibility\":%s},\"attributes\":%s,\"summary\":\"%s\"}", id, type, date, id, grade.charAt(0),
                grade.charAt(1), attributes, summary.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    static String exercise(String id, String date) {
        return event(id, "JOINT_EXERCISE", date, "B1",
                "{\"name\":\"Joint Sea " + id + "\",\"domains\":[\"naval\"],\"framework\":\"bilateral\"}",
                "Bilateral naval exercise " + id + ".");
    }

    static String treaty(String id, String date, String summary) {
        return event(id, "DEFENSE_AGREEMENT", date, "A1", "{\"kind\":\"mutual-defense\"}", summary);
    }
}
