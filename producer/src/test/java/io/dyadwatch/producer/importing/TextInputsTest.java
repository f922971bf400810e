package io.dyadwatch.producer.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextInputsTest {

    @TempDir
    Path dir;

    @Test
    void shouldHandOverPlainFileAsIs() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.CSV"), "PK is not a zip signature\n");

        assertThat(texts(file)).containsExactly("plain.CSV=PK is not a zip signature\n");
    }

    @Test
    void shouldOpenEachFileOfZipWhateverItsName() throws IOException {
        Path zip = dir.resolve("export.bin");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("folder/"));
            z.putNextEntry(new ZipEntry("folder/a.CSV"));
            z.write("one\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("b.CSV"));
            z.write("two\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(texts(zip)).containsExactly("export.bin!folder/a.CSV=one\n", "export.bin!b.CSV=two\n");
    }

    private static List<String> texts(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        TextInputs.forEachText(file, (location, in) ->
                texts.add(location + "=" + new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        return texts;
    }
}
