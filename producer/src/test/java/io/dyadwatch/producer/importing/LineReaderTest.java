package io.dyadwatch.producer.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void shouldSplitOnLfAndDropCrAndByteOrderMark() throws IOException {
        List<Line> lines = read("\uFEFFa,b\r\nc\n\nd".getBytes(StandardCharsets.UTF_8));

        assertThat(lines).extracting(Line::text).containsExactly("a,b", "c", "", "d");
        assertThat(lines).extracting(Line::number).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void shouldReadUtf8AndFallBackToWindows1252PerLine() throws IOException {
        byte[] utf8 = "Wärtsilä\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "Wärtsilä\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] both = Arrays.copyOf(utf8, utf8.length + latin1.length);
        System.arraycopy(latin1, 0, both, utf8.length, latin1.length);

        assertThat(read(both)).extracting(Line::text).containsExactly("Wärtsilä", "Wärtsilä");
    }

    @Test
    void shouldDiscardOverlongLineAndGoOn() throws IOException {
        byte[] data = new byte[LineReader.MAX_LINE_BYTES + 10 + 3];
        Arrays.fill(data, (byte) 'x');
        data[LineReader.MAX_LINE_BYTES + 10] = '\n';
        data[data.length - 2] = 'o';
        data[data.length - 1] = 'k';

        List<Line> lines = read(data);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).overlong()).isTrue();
        assertThat(lines.get(1)).isEqualTo(new Line(2, "ok", false));
    }

    private static List<Line> read(byte[] bytes) throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes));
        List<Line> lines = new ArrayList<>();
        for (Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }
}
