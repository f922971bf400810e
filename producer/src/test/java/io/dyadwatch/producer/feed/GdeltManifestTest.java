package io.dyadwatch.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GdeltManifestTest {

    static final String LAST_UPDATE = """
            150383 297a16b493de7cf6ca809a7cc31d0b93 http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip
            318084 bb27f78ba45f69a17ea6ed7755e9f8ff http://data.gdeltproject.org/gdeltv2/20150218230000.mentions.CSV.zip
            10768507 ea8dde0beb0ba98810a92db068c0ce99 http://data.gdeltproject.org/gdeltv2/20150218230000.gkg.csv.zip
            """;

    @Test
    void shouldReadEachSlotsFilesWithSizeAndChecksum() {
        GdeltManifest manifest = GdeltManifest.parse(LAST_UPDATE);

        Slot slot = Slot.parse("20150218230000");
        assertThat(manifest.latest(GdeltFile.Kind.EXPORT)).contains(slot);
        GdeltFile export = manifest.file(slot, GdeltFile.Kind.EXPORT).orElseThrow();
        assertThat(export.size()).isEqualTo(150383);
        assertThat(export.md5()).isEqualTo("297a16b493de7cf6ca809a7cc31d0b93");
        assertThat(export.name()).isEqualTo("20150218230000.export.CSV.zip");
        assertThat(manifest.file(slot, GdeltFile.Kind.MENTIONS)).isPresent();
        assertThat(manifest.unreadable()).isEmpty();
    }

    @Test
    void shouldCountUnreadableLinesWithoutLosingTheOthers() {
        GdeltManifest manifest = GdeltManifest.parse(LAST_UPDATE + "garbage\n12 nothex http://x/20150218231500.export.CSV.zip\n"
                + "5 297a16b493de7cf6ca809a7cc31d0b93 http://x/readme.txt\n");

        assertThat(manifest.unreadable()).hasSize(3).first().asString().startsWith("line 4:");
        assertThat(manifest.latest(GdeltFile.Kind.EXPORT)).contains(Slot.parse("20150218230000"));
    }

    @Test
    void shouldKeepOnlyTheSlotsWantedFromALongList() {
        String lines = LAST_UPDATE + LAST_UPDATE.replace("20150218230000", "20150218231500");

        GdeltManifest manifest = GdeltManifest.parse(lines.lines(), slot -> slot.label().endsWith("1500"));

        assertThat(manifest.latest(GdeltFile.Kind.EXPORT)).contains(Slot.parse("20150218231500"));
        assertThat(manifest.file(Slot.parse("20150218230000"), GdeltFile.Kind.EXPORT)).isEmpty();
    }
}
