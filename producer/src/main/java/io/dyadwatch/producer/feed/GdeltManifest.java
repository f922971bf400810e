package io.dyadwatch.producer.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A parsed GDELT manifest ({@code lastupdate.txt} or {@code masterfilelist.txt}). Untrusted: it may list slots that
 * are not served and omit slots that are; a line that cannot be read is counted, never fatal.
 */
public final class GdeltManifest {

    private final NavigableMap<Slot, Map<GdeltFile.Kind, GdeltFile>> files;
    private final List<String> unreadable;

    private GdeltManifest(NavigableMap<Slot, Map<GdeltFile.Kind, GdeltFile>> files, List<String> unreadable) {
        this.files = files;
        this.unreadable = unreadable;
    }

    /** Reads a manifest's text, one {@code size md5 url} per line; blank lines are ignored. */
    public static GdeltManifest parse(String text) {
        return parse(java.util.Arrays.stream(text.split("\n")), slot -> true);
    }

    /**
     * Reads a manifest's lines, keeping only the files of the slots wanted: GDELT's master list has about a million
     * lines, and a feed needs a handful of them.
     */
    public static GdeltManifest parse(java.util.stream.Stream<String> lines, java.util.function.Predicate<Slot> wanted) {
        NavigableMap<Slot, Map<GdeltFile.Kind, GdeltFile>> files = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        int[] number = new int[1];
        lines.forEachOrdered(line -> {
            number[0]++;
            if (line.isBlank()) {
                return;
            }
            try {
                GdeltFile file = GdeltFile.parse(line);
                if (wanted.test(file.slot())) {
                    files.computeIfAbsent(file.slot(), s -> new EnumMap<>(GdeltFile.Kind.class)).put(file.kind(), file);
                }
            } catch (IllegalArgumentException e) {
                if (unreadable.size() < MAX_UNREADABLE) {
                    unreadable.add("line " + number[0] + ": " + e.getMessage());
                }
            }
        });
        return new GdeltManifest(files, Collections.unmodifiableList(unreadable));
    }

    /** Unreadable lines listed at most. */
    static final int MAX_UNREADABLE = 100;

    /** The listed file of a kind for a slot. */
    public Optional<GdeltFile> file(Slot slot, GdeltFile.Kind kind) {
        return Optional.ofNullable(files.getOrDefault(slot, Map.of()).get(kind));
    }

    /** The newest slot listing a file of the kind. */
    public Optional<Slot> latest(GdeltFile.Kind kind) {
        return files.descendingMap().entrySet().stream().filter(e -> e.getValue().containsKey(kind))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The lines that could not be read, with their numbers and why. */
    public List<String> unreadable() {
        return unreadable;
    }
}
