package io.dyadwatch.producer.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void shouldReadQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        List<CsvRecord> records = read("a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\n");

        assertThat(records).extracting(CsvRecord::fields).containsExactly(
                List.of("a", "b, c", "say \"hi\""),
                List.of("two\nlines", "x"));
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L);
    }

    @Test
    void shouldKeepEmptyFieldsAndSkipBlankLines() throws IOException {
        List<CsvRecord> records = read("a,,b,\n\n ,\n");

        assertThat(records).extracting(CsvRecord::fields).containsExactly(List.of("a", "", "b", ""), List.of(" ", ""));
        assertThat(records.get(1).line()).isEqualTo(3);
    }

    @Test
    void shouldKeepQuoteInsideUnquotedField() throws IOException {
        assertThat(read("5\" gun,x\n").get(0).fields()).containsExactly("5\" gun", "x");
    }

    @Test
    void shouldReportUnclosedQuoteAndResumeOnNextLine() throws IOException {
        List<CsvRecord> records = read("a,\"open\nb,c\nd,e");

        assertThat(records).hasSize(3);
        assertThat(records.get(0).readable()).isFalse();
        assertThat(records.get(0).line()).isEqualTo(1);
        assertThat(records.get(0).problem()).contains("not closed before the end of the file");
        assertThat(records.get(1).fields()).containsExactly("b", "c");
        assertThat(records.get(2).fields()).containsExactly("d", "e");
        assertThat(records.get(2).line()).isEqualTo(3);
    }

    private static List<CsvRecord> read(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CsvReader reader = new CsvReader(new LineReader(new ByteArrayInputStream(bytes)));
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }
}
