package io.dyadwatch.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.RejectReason;
import io.dyadwatch.model.topic.Topics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading JSON lines as bytes: line numbers, line ends, blank lines, and bytes that are not UTF-8. */
class JsonLinesPublisherTest {

    /** Only refused lines: nothing is sent, so no broker is needed (the producer connects lazily). */
    private static PublishReport publish(byte[] input) throws Exception {
        try (EventPublisher publisher = new EventPublisher("127.0.0.1:1", new Topics("test.").events(), java.util.List.of(), Map.of())) {
            return new JsonLinesPublisher(EventContract.withDefaults(), publisher)
                    .publish("in.jsonl", new ByteArrayInputStream(input));
        }
    }

    @Test
    void shouldRefuseALineThatIsNotUtf8AsInvalidUtf8WithItsLineNumber() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write("{oops\r\n\n   \r\n".getBytes(StandardCharsets.UTF_8));
        input.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        input.write("[1]".getBytes(StandardCharsets.UTF_8));

        PublishReport report = publish(input.toByteArray());

        assertThat(report.lines()).isEqualTo(5);
        assertThat(report.published()).isZero();
        assertThat(report.refused()).extracting(r -> r.lineNumber() + ":" + r.rejection().reason())
                .containsExactly("1:" + RejectReason.NOT_JSON, "4:" + RejectReason.INVALID_UTF8,
                        "5:" + RejectReason.NOT_AN_OBJECT);
        assertThat(JsonLinesPublisher.describe(report.refused().get(1)))
                .isEqualTo("in.jsonl:4: INVALID_UTF8: the record is not valid UTF-8 text");
    }

    @Test
    void shouldRefuseAnOversizedLineWithoutKeepingItAll() throws Exception {
        byte[] input = ("{\"summary\":\"" + "x".repeat(100_000) + "\"}\n{}").getBytes(StandardCharsets.UTF_8);

        PublishReport report = publish(input);

        assertThat(report.refused()).extracting(r -> r.lineNumber() + ":" + r.rejection().reason())
                .containsExactly("1:" + RejectReason.OVERSIZED, "2:" + RejectReason.MISSING_FIELD);
    }

    @Test
    void shouldReadASpanLineAsTheInputsDeclarationNotAsAnEvent() throws Exception {
        byte[] input = "{\"covers\":\"2016-01-01..2025-12-31\",\"channel\":\"curated\"}\n{oops}\n".getBytes(StandardCharsets.UTF_8);

        PublishReport report = publish(input);

        assertThat(report.refused()).extracting(r -> r.lineNumber() + ":" + r.rejection().reason())
                .containsExactly("2:" + RejectReason.NOT_JSON);
        assertThat(report.declared().coverage()).hasToString("2016-01-01..2025-12-31");
        assertThat(report.declared().channel()).isEqualTo("curated");
    }

    @Test
    void shouldRefuseAMalformedSpanLineWithItsLineBeforeReadingFurther() {
        byte[] input = "{\"covers\":\"2016-01-01..2015-12-31\"}\n{oops}\n".getBytes(StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> publish(input))
                .withMessageStartingWith("in.jsonl:1: ").withMessageContaining("before it starts");
    }

    @Test
    void shouldDeclareNothingForAnInputWithoutASpanLine() throws Exception {
        PublishReport report = publish("{oops}\n".getBytes(StandardCharsets.UTF_8));

        assertThat(report.declared().coverage()).isNull();
        assertThat(report.refused()).hasSize(1);
    }

    @Test
    void shouldReadAnEmptyInputAsNoLines() throws Exception {
        assertThat(publish(new byte[0]).lines()).isZero();
    }
}
