package io.dyadwatch.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceIdentityTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepOneIdentityPerStateDirectoryAcrossRestarts() {
        String first = InstanceIdentity.of(dir.resolve("a"));

        assertThat(InstanceIdentity.of(dir.resolve("a"))).isEqualTo(first);
        assertThat(InstanceIdentity.of(dir.resolve("b"))).isNotEqualTo(first);
    }

    @Test
    void shouldRefuseAnIdentityFileThatHoldsNoId() throws Exception {
        Files.writeString(dir.resolve(InstanceIdentity.FILE), "not an id\n");

        assertThatThrownBy(() -> InstanceIdentity.of(dir)).hasMessageContaining("holds no instance id")
                .hasMessageContaining("delete it");
    }
}
