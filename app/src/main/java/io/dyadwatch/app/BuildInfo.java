package io.dyadwatch.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version and commit this jar was built from, written into {@code build.properties} by Maven resource
 * filtering ({@code project.version}; the commit from git-commit-id-maven-plugin). A build outside a git
 * checkout says {@code unknown} for the commit. Every command's {@code --version} prints {@link #line()}.
 *
 * @param version the POM version, like {@code 0.1.0-SNAPSHOT}
 * @param commit  the abbreviated commit id, {@code unknown} when built without git
 * @param dirty   whether the work tree had uncommitted changes
 */
public record BuildInfo(String version, String commit, boolean dirty) {

    /** The information of the running jar. */
    public static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(filtered(properties.getProperty("version")), filtered(properties.getProperty("commit")),
                "true".equals(properties.getProperty("dirty")));
    }

    /** {@code dyadwatch 0.1.0-SNAPSHOT (commit 0123456789ab)}, with {@code -dirty} after a build of changed files. */
    public String line() {
        return "dyadwatch " + version + " (commit " + commit + (dirty ? "-dirty" : "") + ")";
    }

    /** An unfiltered placeholder (a build by other means than Maven) reads as unknown. */
    private static String filtered(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }

    /** For picocli: {@code version} of every command. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {current().line()};
        }
    }
}
