package io.dyadwatch.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dyadwatch run} in a JVM of its own, started from the shaded jar (built by {@code package}, before
 * failsafe runs), with its standard output and error captured to a file. It can be killed with SIGKILL
 * ({@link #kill()}), as a crash would, or stopped with SIGTERM ({@link #close()}).
 */
final class PipelineProcess implements AutoCloseable {

    private static final Pattern METRICS = Pattern.compile("metrics: http://[^:]+:(\\d+)/metrics");
    private static Path jarCopy;

    private final Process process;
    private final Path log;
    private volatile int httpPort = -1;

    private PipelineProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java -jar dyadwatch.jar run ARGS} and waits until it prints its HTTP address, which it does
     * once both Kafka Streams applications are running.
     *
     * @param log         where stdout and stderr go (appended)
     * @param environment extra environment variables
     * @param jvmOptions  extra JVM options (system properties)
     */
    static PipelineProcess start(Path log, Map<String, String> environment, List<String> jvmOptions, List<String> args) {
        return start("run", log, environment, jvmOptions, args);
    }

    /** Starts {@code java -jar dyadwatch.jar SUBCOMMAND ARGS} (a service command) and waits until it is ready. */
    static PipelineProcess start(String subcommand, Path log, Map<String, String> environment, List<String> jvmOptions,
            List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.add(subcommand);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("DYADWATCH_"));
        builder.environment().putAll(environment);
        long begin = System.nanoTime();
        PipelineProcess started;
        try {
            started = new PipelineProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        started.awaitReady();
        System.out.printf("dyadwatch %s (%s) ready in %d ms%n", subcommand, log.getFileName(),
                (System.nanoTime() - begin) / 1_000_000);
        return started;
    }

    /** A log file under target/it-logs, kept after the test for diagnosis. */
    static Path logFile(String name) {
        Path dir = Path.of(System.getProperty("basedir", "."), "target", "it-logs");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".log");
            Files.deleteIfExists(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shaded jar, copied once so that a concurrent build rewriting target/ cannot pull it from under us. */
    static synchronized Path jar() {
        if (jarCopy == null) {
            Path built = Path.of(System.getProperty("basedir", "."), "target", "dyadwatch.jar");
            if (!Files.isRegularFile(built)) {
                throw new IllegalStateException(built.toAbsolutePath() + " is missing: run the ITs with ./mvnw verify");
            }
            try {
                jarCopy = Files.createTempFile("dyadwatch-it-", ".jar");
                Files.copy(built, jarCopy, StandardCopyOption.REPLACE_EXISTING);
                jarCopy.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jarCopy;
    }

    private void awaitReady() {
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("dyadwatch run exited with " + process.exitValue() + ":\n" + output());
                }
                Matcher matcher = METRICS.matcher(output());
                if (matcher.find()) {
                    httpPort = Integer.parseInt(matcher.group(1));
                    return true;
                }
                return false;
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The port of its HTTP API. */
    int httpPort() {
        return httpPort;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything it printed so far (stdout and stderr, this log file). */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no commit, no leaving the group. */
    void kill() throws InterruptedException {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the pipeline process did not die");
        }
    }

    /** SIGTERM, then waits for the clean shutdown (SIGKILL after 40 s); returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
