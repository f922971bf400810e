package io.dyadwatch.producer.feed;

import java.util.Locale;
import java.util.Objects;

/**
 * One file a GDELT manifest lists ({@code lastupdate.txt}, {@code masterfilelist.txt}): a line {@code size md5 url}.
 *
 * @param slot the slot its name says
 * @param kind which of the slot's three files
 * @param size its length in bytes, per the manifest
 * @param md5  its MD5 in lower-case hex, per the manifest
 * @param name its file name ({@code 20250601101500.export.CSV.zip}); fetched from the configured base URL, so a
 *             mirror serves it whatever host the manifest names
 */
public record GdeltFile(Slot slot, Kind kind, long size, String md5, String name) {

    /** The three files of a slot, which fail independently. */
    public enum Kind {
        /** The event table. */
        EXPORT("export.CSV.zip"),
        /** Later mentions of events. */
        MENTIONS("mentions.CSV.zip"),
        /** The Global Knowledge Graph (not read). */
        GKG("gkg.csv.zip");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        /** The conventional file name of this kind for a slot. */
        public String fileName(Slot slot) {
            return slot.label() + "." + suffix;
        }

        static Kind ofName(String name) {
            for (Kind kind : values()) {
                if (name.toLowerCase(Locale.ROOT).endsWith("." + kind.suffix.toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            return null;
        }
    }

    public GdeltFile {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (size < 0) {
            throw new IllegalArgumentException("a file's size is not negative, got " + size);
        }
        if (md5 == null || !md5.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("an MD5 is 32 lower-case hex digits, got '" + md5 + "'");
        }
    }

    /**
     * Reads one manifest line.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static GdeltFile parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected 'size md5 url', got " + parts.length + " fields");
        }
        long size;
        try {
            size = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size '" + parts[0] + "' is not a number");
        }
        String url = parts[2];
        String name = url.substring(url.lastIndexOf('/') + 1);
        Kind kind = Kind.ofName(name);
        if (kind == null || name.length() < 15 || name.charAt(14) != '.') {
            throw new IllegalArgumentException("'" + name + "' is not a GDELT 2.0 slot file");
        }
        return new GdeltFile(Slot.parse(name.substring(0, 14)), kind, size, parts[1].toLowerCase(Locale.ROOT), name);
    }
}
