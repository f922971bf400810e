package io.dyadwatch.producer.importing;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens importer input that may be plain text or a zip archive (GDELT publishes {@code .export.CSV.zip}).
 * A zip is recognised by its signature, not its name; each file in it is handed over in turn, streamed.
 */
public final class TextInputs {

    private static final int ZIP_SIGNATURE = 0x504B0304;

    private TextInputs() {
    }

    /** Receives one text stream; must not close it. */
    @FunctionalInterface
    public interface TextHandler {
        /**
         * Reads one text stream.
         *
         * @param location the file name, or {@code archive.zip!entry} for a file inside a zip
         * @param in       the text bytes
         */
        void handle(String location, InputStream in) throws IOException;
    }

    /** Hands the file's text (or each file of a zip) to the handler. */
    public static void forEachText(Path file, TextHandler handler) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            forEachText(String.valueOf(file.getFileName()), in, handler);
        }
    }

    /** Hands the stream's text (or each file of a zip) to the handler. Does not close the stream. */
    public static void forEachText(String location, InputStream in, TextHandler handler) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        if (!isZip(buffered)) {
            handler.handle(location, buffered);
            return;
        }
        ZipInputStream zip = new ZipInputStream(buffered);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (!entry.isDirectory()) {
                handler.handle(location + "!" + entry.getName(), new NonClosing(zip));
            }
        }
    }

    private static boolean isZip(BufferedInputStream in) throws IOException {
        in.mark(4);
        int signature = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.read();
            if (b == -1) {
                in.reset();
                return false;
            }
            signature = (signature << 8) | b;
        }
        in.reset();
        return signature == ZIP_SIGNATURE;
    }

    /** Keeps a handler from closing the zip stream between entries. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream stays open for the next entry
        }
    }
}
