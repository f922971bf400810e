package io.dyadwatch.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.model.channel.CoverageGap;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class SlotArchiveTest {

    static byte[] zip(String... entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(("rows of " + entry + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static GdeltFile listed(byte[] bytes, String md5) {
        return new GdeltFile(Slot.parse("20250601101500"), GdeltFile.Kind.EXPORT, bytes.length, md5,
                "20250601101500.export.CSV.zip");
    }

    @Test
    void shouldUnzipAFileThatMatchesItsListing() throws Exception {
        byte[] zip = zip("20250601101500.export.CSV");
        SlotArchive.verify(zip, listed(zip, SlotArchive.md5(zip)));

        assertThat(new String(SlotArchive.unzip("x", zip), StandardCharsets.UTF_8))
                .isEqualTo("rows of 20250601101500.export.CSV\n");
    }

    @Test
    void shouldTellAWrongSizeAWrongChecksumAndACorruptArchiveApart() throws Exception {
        byte[] zip = zip("a.CSV");
        byte[] truncated = Arrays.copyOf(zip, zip.length - 30);

        assertThatThrownBy(() -> SlotArchive.verify(truncated, listed(zip, SlotArchive.md5(zip))))
                .isInstanceOfSatisfying(SlotFailure.class, f -> assertThat(f.reason()).isEqualTo(CoverageGap.SIZE));
        assertThatThrownBy(() -> SlotArchive.verify(zip, listed(zip, "0".repeat(32))))
                .isInstanceOfSatisfying(SlotFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo(CoverageGap.CHECKSUM);
                    assertThat(f.getMessage()).contains(SlotArchive.md5(zip), "0".repeat(32));
                });
        assertThatThrownBy(() -> SlotArchive.unzip("x", "not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SlotFailure.class, f -> assertThat(f.reason()).isEqualTo(CoverageGap.CORRUPT));
        assertThatThrownBy(() -> SlotArchive.unzip("x", zip("a.CSV", "b.CSV")))
                .hasMessageContaining("more than one file");
        byte[] headerOnly = new byte[104];
        headerOnly[0] = 'P';
        headerOnly[1] = 'K';
        headerOnly[2] = 3;
        headerOnly[3] = 4;
        assertThatThrownBy(() -> SlotArchive.unzip("x", headerOnly))
                .isInstanceOfSatisfying(SlotFailure.class, f -> assertThat(f.reason()).isEqualTo(CoverageGap.CORRUPT));
        byte[] flipped = zip.clone();
        flipped[40] ^= 0x55; // inside the compressed data: the CRC no longer matches
        assertThatThrownBy(() -> SlotArchive.unzip("x", flipped))
                .isInstanceOfSatisfying(SlotFailure.class, f -> assertThat(f.reason()).isEqualTo(CoverageGap.CORRUPT));
    }
}
