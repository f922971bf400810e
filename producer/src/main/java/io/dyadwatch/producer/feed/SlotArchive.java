package io.dyadwatch.producer.feed;

import io.dyadwatch.model.channel.CoverageGap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks a downloaded slot file against its manifest line and unzips it in memory. Nothing is read from a file that
 * fails: a wrong size, a wrong MD5, or anything but a zip holding one text file read to its end with a good CRC.
 */
final class SlotArchive {

    /** Largest text accepted from one slot file: a real export is 1-3 MB unzipped; more is a zip bomb. */
    static final int MAX_TEXT_BYTES = 256 << 20;

    private SlotArchive() {
    }

    /**
     * Checks the bytes against the manifest line.
     *
     * @throws SlotFailure {@code size} or {@code checksum}, with expected and actual values
     */
    static void verify(byte[] bytes, GdeltFile listed) throws SlotFailure {
        if (bytes.length != listed.size()) {
            throw new SlotFailure(CoverageGap.SIZE, listed.name() + ": " + bytes.length + " bytes; the manifest lists "
                    + listed.size(), null);
        }
        String md5 = md5(bytes);
        if (!md5.equals(listed.md5())) {
            throw new SlotFailure(CoverageGap.CHECKSUM, listed.name() + ": MD5 " + md5 + "; the manifest lists "
                    + listed.md5(), null);
        }
    }

    /** MD5 in lower-case hex. */
    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /**
     * The text of a zip holding exactly one file.
     *
     * @throws SlotFailure {@code corrupt}, saying what is wrong
     */
    static byte[] unzip(String name, byte[] zip) throws SlotFailure {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            if (entry == null) {
                throw new SlotFailure(CoverageGap.CORRUPT, name + ": not a zip archive", null);
            }
            if (entry.getName().isBlank() || entry.isDirectory()) {
                throw new SlotFailure(CoverageGap.CORRUPT, name + ": the archive holds no named file", null);
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream(zip.length * 8);
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                text.write(buffer, 0, n);
                if (text.size() > MAX_TEXT_BYTES) {
                    throw new SlotFailure(CoverageGap.CORRUPT, name + ": unzips to more than " + MAX_TEXT_BYTES
                            + " bytes", null);
                }
            }
            if (text.size() == 0) {
                throw new SlotFailure(CoverageGap.CORRUPT, name + ": the file in the archive is empty", null);
            }
            if (in.getNextEntry() != null) {
                throw new SlotFailure(CoverageGap.CORRUPT, name + ": more than one file in the archive", null);
            }
            return text.toByteArray();
        } catch (IOException e) {
            throw new SlotFailure(CoverageGap.CORRUPT, name + ": unreadable zip (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", null);
        }
    }
}
