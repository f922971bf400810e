package io.dyadwatch.app.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity of an instance as a static group member: a random id kept in its state directory, so that the same
 * state directory is the same member across restarts, and two state directories are two members.
 */
final class InstanceIdentity {

    static final String FILE = "dyadwatch-instance.id";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private InstanceIdentity() {
    }

    /** The id kept in {@code stateDir}, created there on first use. */
    static String of(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!ID.matcher(id).matches()) {
                    throw new IllegalStateException(file + " holds no instance id ('" + id
                            + "'): delete it to give this state directory a new identity");
                }
                return id;
            }
            Files.createDirectories(stateDir);
            String id = UUID.randomUUID().toString();
            Path temporary = Files.createTempFile(stateDir, FILE, ".tmp");
            Files.writeString(temporary, id + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance id in " + stateDir + ": " + e.getMessage(), e);
        }
    }
}
