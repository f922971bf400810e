package io.dyadwatch.app.trackrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocBlocksTest {

    private static final String DOC = "# Title\n\n<!-- generated:table -->\n```\nold\n```\n<!-- /generated:table -->\n\nAfter.\n";

    @Test
    void shouldExtractTheFencedTextBetweenTheMarkers() {
        assertThat(DocBlocks.extract(DOC, "table")).contains("old\n");
        assertThat(DocBlocks.extract(DOC, "other")).isEmpty();
    }

    @Test
    void shouldReplaceOnlyTheBlockAndKeepTheRestOfTheDocument() {
        String updated = DocBlocks.replace(DOC, "table", "new\nlines");

        assertThat(updated).startsWith("# Title\n\n").endsWith("\n\nAfter.\n");
        assertThat(DocBlocks.extract(updated, "table")).contains("new\nlines\n");
        assertThat(DocBlocks.replace(updated, "table", "old\n")).isEqualTo(DOC);
    }

    @Test
    void shouldRefuseToReplaceABlockTheDocumentDoesNotMark() {
        assertThatThrownBy(() -> DocBlocks.replace(DOC, "missing", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no block 'missing'");
    }
}
