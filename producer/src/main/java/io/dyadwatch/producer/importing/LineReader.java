package io.dyadwatch.producer.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads a byte stream one line at a time, without holding more than one line in memory.
 *
 * <p>Lines end at LF; a CR before the LF is dropped. Each line is decoded on its own as UTF-8, or as
 * windows-1252 when it is not valid UTF-8: the SIPRI full export is Latin-1 ("Wärtsilä") while GDELT is
 * UTF-8, and a per-line fallback reads both without guessing a file's encoding up front. A byte-order mark
 * at the start is dropped. A line longer than {@link #MAX_LINE_BYTES} is consumed but not kept, so a binary
 * or corrupt file cannot exhaust memory.
 *
 * <p>Not thread-safe. Does not close the stream.
 */
public final class LineReader {

    /** Longest line kept, in bytes: far above any real GDELT (about 1 KB) or SIPRI (about 600 B) row. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int position;
    private int limit;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[4096];
    private long number;
    private boolean eof;

    /** Reads lines from the given stream. */
    public LineReader(InputStream in) {
        Objects.requireNonNull(in, "in");
        this.in = in;
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        if (eof) {
            return null;
        }
        int length = 0;
        boolean overlong = false;
        boolean sawAny = false;
        int b;
        while ((b = read()) != -1) {
            sawAny = true;
            if (b == '\n') {
                break;
            }
            if (length == MAX_LINE_BYTES) {
                overlong = true;
                continue;
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_LINE_BYTES));
            }
            buffer[length++] = (byte) b;
        }
        if (b == -1) {
            eof = true;
            if (!sawAny) {
                return null;
            }
        }
        number++;
        if (overlong) {
            return new Line(number, "", true);
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        String text = decode(length);
        if (number == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Line(number, text, false);
    }

    private String decode(int length) {
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = buffer[i] >= 0;
        }
        if (ascii) {
            return new String(buffer, 0, length, StandardCharsets.US_ASCII);
        }
        try {
            return utf8.decode(ByteBuffer.wrap(buffer, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(buffer, 0, length, WINDOWS_1252);
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(chunk, 0, chunk.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return chunk[position++] & 0xFF;
    }
}
