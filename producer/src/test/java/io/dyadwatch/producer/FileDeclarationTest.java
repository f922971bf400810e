package io.dyadwatch.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.dyadwatch.model.event.Channels;
import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.RejectReason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileDeclarationTest {

    private static final EventContract CONTRACT = EventContract.withDefaults();
    private static final String EVENT = "{\"id\":\"a\",\"type\":\"JOINT_EXERCISE\",\"actors\":[\"RUS\",\"CHN\"],"
            + "\"occurredAt\":\"2023-03-15\",\"source\":{\"name\":\"R\"}}";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static FileDeclaration read(String firstLine, Coverage explicit) {
        return FileDeclaration.read("in.jsonl", firstLine == null ? null : bytes(firstLine), explicit, CONTRACT);
    }

    @Test
    void shouldDeclareTheSpanTheFirstLineStates() {
        FileDeclaration declared = read("{\"covers\":\"2016-01-01..2025-12-31\"}", null);

        assertThat(declared.hasSpanLine()).isTrue();
        assertThat(declared.coverage()).isEqualTo(Coverage.parse("2016-01-01..2025-12-31"));
        assertThat(declared.origin()).isEqualTo(FileDeclaration.Origin.SPAN_LINE);
        assertThat(declared.describe()).isEqualTo("covers 2016-01-01..2025-12-31 (its span line)");
    }

    @Test
    void shouldDeclareNothingWhenTheFirstLineIsAnEvent() {
        FileDeclaration declared = read(EVENT, null);

        assertThat(declared.hasSpanLine()).isFalse();
        assertThat(declared.coverage()).isNull();
        assertThat(declared.describe()).isEqualTo("no declared coverage (assumed from first receipt)");
    }

    @Test
    void shouldLetAnExplicitCoverageWinOverTheSpanLine() {
        Coverage explicit = Coverage.parse("2024-07-01..2024-08-31");

        FileDeclaration declared = read("{\"covers\":\"2016-01-01..2025-12-31\"}", explicit);

        assertThat(declared.hasSpanLine()).as("the span line is still no event").isTrue();
        assertThat(declared.coverage()).isEqualTo(explicit);
        assertThat(declared.describe()).isEqualTo("covers 2024-07-01..2024-08-31 (--covers)");
    }

    @Test
    void shouldNameFileAndLineWhenTheSpanLineIsMalformed() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("{\"covers\":\"2016..2025\"}", null))
                .withMessageStartingWith("in.jsonl:1: ").withMessageContaining("ISO date");
        assertThatIllegalArgumentException().isThrownBy(() -> read("{\"covers\":\"2016-01-01..2016-02-01\",\"by\":1}", null))
                .withMessageStartingWith("in.jsonl:1: ").withMessageContaining("unknown key 'by'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> read("{\"covers\":\"2016-01-01..2016-02-01\",\"channel\":\"News\"}", null))
                .withMessageStartingWith("in.jsonl:1: ").withMessageContaining("channel");
    }

    @Test
    void shouldGiveEventsThatNameNoChannelTheSpanLinesChannel() {
        FileDeclaration declared = read("{\"covers\":\"2016-01-01..2025-12-31\",\"channel\":\"gdelt\"}", null);

        ContractResult checked = declared.check(bytes(EVENT));

        assertThat(((ContractResult.Accepted) checked).event().channel()).isEqualTo(Channels.GDELT);
    }

    @Test
    void shouldRefuseAnEventWhoseChannelContradictsTheSpanLine() {
        FileDeclaration declared = read("{\"covers\":\"2016-01-01..2025-12-31\",\"channel\":\"gdelt\"}", null);

        ContractResult checked = declared.check(bytes(EVENT.replace("}}", "},\"channel\":\"sipri\"}")));

        assertThat(((ContractResult.Rejected) checked).rejection().reason()).isEqualTo(RejectReason.INVALID_CHANNEL);
        assertThat(((ContractResult.Rejected) checked).rejection().message()).contains("'sipri'", "'gdelt'");
    }

    @Test
    void shouldKeepTheContractsDefaultChannelWhenTheSpanLineNamesNone() {
        FileDeclaration declared = read("{\"covers\":\"2016-01-01..2025-12-31\"}", null);

        assertThat(((ContractResult.Accepted) declared.check(bytes(EVENT))).event().channel()).isEqualTo(Channels.CURATED);
    }

    @Test
    void shouldRefuseASpanLineBelowTheFirstLineForWhatItIs() {
        FileDeclaration declared = read(EVENT, null);

        ContractResult checked = declared.check(bytes("{\"covers\":\"2016-01-01..2025-12-31\"}"));

        assertThat(((ContractResult.Rejected) checked).rejection().reason()).isEqualTo(RejectReason.INVALID_VALUE);
        assertThat(((ContractResult.Rejected) checked).rejection().message()).contains("first line");
    }

    @Test
    void shouldReadOnlyTheFirstLineOfAStream() throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes("{\"covers\":\"2016-01-01..2025-12-31\"}\r\n" + EVENT));

        byte[] first = FileDeclaration.firstLine(in);

        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("{\"covers\":\"2016-01-01..2025-12-31\"}");
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(EVENT);
        assertThat(FileDeclaration.firstLine(new ByteArrayInputStream(new byte[0]))).isNull();
    }
}
