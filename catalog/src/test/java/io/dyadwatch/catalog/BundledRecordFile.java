package io.dyadwatch.catalog;

import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.RecordSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bundled records in the repository (data/history), what each must hold, read as every reader reads them. */
enum BundledRecordFile {
    CHN_RUS("russia-china-2012-2025.jsonl", "CHN-RUS", "2012-01-01..2025-12-31", 2012, 150),
    PRK_RUS("russia-north-korea-2016-2025.jsonl", "PRK-RUS", "2016-01-01..2025-12-31", 2016, 60),
    IRN_RUS("iran-russia-2016-2025.jsonl", "IRN-RUS", "2016-01-01..2025-12-31", 2016, 60);

    /** Maven runs a module's tests from the module directory. */
    static final Path DIRECTORY = Path.of("../data/history");

    private final String file;
    private final String dyad;
    private final String covers;
    private final int firstYear;
    private final int minimumEvents;

    BundledRecordFile(String file, String dyad, String covers, int firstYear, int minimumEvents) {
        this.file = file;
        this.dyad = dyad;
        this.covers = covers;
        this.firstYear = firstYear;
        this.minimumEvents = minimumEvents;
    }

    Path path() {
        return DIRECTORY.resolve(file);
    }

    /** The class-path resource the catalog names. */
    String resource() {
        return "history/" + file;
    }

    Dyad dyad() {
        return Dyad.parse(dyad);
    }

    String covers() {
        return covers;
    }

    int firstYear() {
        return firstYear;
    }

    int minimumEvents() {
        return minimumEvents;
    }

    /** The span the first line states; fails when there is none. */
    RecordSpan span() throws IOException {
        String first = Files.readAllLines(path(), StandardCharsets.UTF_8).get(0);
        return RecordSpan.parse(first).orElseThrow(() -> new AssertionError(file + " states no span on its first line"));
    }

    /** Every non-blank line after the span line. */
    List<String> eventLines() throws IOException {
        List<String> all = Files.readAllLines(path(), StandardCharsets.UTF_8);
        int first = RecordSpan.parse(all.get(0)).isPresent() ? 1 : 0;
        return all.subList(first, all.size()).stream().filter(l -> !l.isBlank()).toList();
    }

    /** The events the contract accepts, in file order. */
    List<Event> events() throws IOException {
        EventContract contract = EventContract.withDefaults();
        List<Event> events = new ArrayList<>();
        for (String line : eventLines()) {
            if (contract.check(line) instanceof ContractResult.Accepted accepted) {
                events.add(accepted.event());
            }
        }
        return events;
    }

    @Override
    public String toString() {
        return file;
    }
}
