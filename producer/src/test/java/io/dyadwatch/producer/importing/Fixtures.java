package io.dyadwatch.producer.importing;

import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.EventJson;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Test fixtures (see src/test/resources/fixtures/ATTRIBUTION.md) and shared helpers. */
public final class Fixtures {

    /** The app's default watched dyads. */
    public static final Set<Dyad> DEFAULT_WATCHED = Set.of(
            Dyad.parse("CHN-RUS"), Dyad.parse("IRN-RUS"), Dyad.parse("CHN-IRN"), Dyad.parse("PRK-RUS"));

    private Fixtures() {
    }

    /** The path of a fixture under {@code fixtures/}. */
    public static Path path(String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default watched dyads plus others. */
    public static Set<Dyad> defaultWatchedAnd(String... keys) {
        return Set.copyOf(Stream.concat(DEFAULT_WATCHED.stream(), Stream.of(keys).map(Dyad::parse)).toList());
    }

    /** The events that the contract rejects, with the reason (empty when all are accepted). */
    public static List<String> contractRejections(List<Event> events) {
        EventContract contract = EventContract.withDefaults();
        List<String> rejections = new ArrayList<>();
        for (Event event : events) {
            if (contract.check(EventJson.toBytes(event)) instanceof ContractResult.Rejected rejected) {
                rejections.add(event.id() + ": " + rejected.rejection());
            }
        }
        return rejections;
    }
}
