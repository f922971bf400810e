package io.dyadwatch.app.cli;

import io.dyadwatch.app.trackrecord.BundledLine;
import io.dyadwatch.app.trackrecord.RecordedDyad;
import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.producer.FileDeclaration;
import io.dyadwatch.producer.JsonLinesPublisher;
import io.dyadwatch.producer.PublishException;
import io.dyadwatch.producer.PublishReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the demo replays by default: every bundled record, merged in event time ({@link BundledLine}). */
final class DemoRecords {

    private DemoRecords() {
    }

    /** The dyads with a bundled record, comma-separated, in catalog order. */
    static String watchedByDefault() {
        return RecordedDyad.of(Catalog.loadDefault()).stream().map(r -> r.dyad().key()).collect(Collectors.joining(","));
    }

    /** Publishes the merged records, each line with the coverage of its records; one report for all of them. */
    static PublishReport publish(EventContract contract, EventPublisher publisher) throws IOException, PublishException {
        List<BundledLine> lines = BundledLine.merge(RecordedDyad.of(Catalog.loadDefault()));
        Map<Coverage, JsonLinesPublisher> byCoverage = new HashMap<>();
        long published = 0;
        List<PublishReport.RefusedLine> refused = new ArrayList<>();
        // each line is sent with the coverage its records share (BundledLine), declared explicitly on every record
        FileDeclaration declared = FileDeclaration.read("bundled records", null, null, contract);
        for (BundledLine line : lines) {
            JsonLinesPublisher sender = byCoverage.computeIfAbsent(line.covers(),
                    c -> new JsonLinesPublisher(contract, publisher, c));
            PublishReport report = sender.publish("bundled record " + line.record(),
                    new ByteArrayInputStream(line.line().getBytes(StandardCharsets.UTF_8)));
            published += report.published();
            refused.addAll(report.refused());
            declared = report.declared();
        }
        return new PublishReport("bundled records", lines.size(), published, refused, declared);
    }
}
