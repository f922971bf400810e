package io.dyadwatch.app.cli;

import io.dyadwatch.model.event.Coverage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code backtest --covers} values: {@code FILE=FROM..TO} for one of the {@code --events} files, or
 * {@code FROM..TO} alone when there is only one input. Anything that does not say which input it is about, names a
 * file that is not an input, or declares one input twice is refused, never guessed.
 */
final class InputCoverage {

    /** The key of the bundled record's declaration (a {@code FROM..TO} alone when there are no files). */
    static final Path BUNDLED = Path.of("");

    private InputCoverage() {
    }

    /** The key a file's declaration is kept under: its normalised absolute path. */
    static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /**
     * @param values the {@code --covers} values, in order
     * @param files  the {@code --events} files (empty: the bundled record is the one input)
     * @return each declared file's coverage by {@link #key(Path)}; the bundled record's under {@link #BUNDLED}
     * @throws IllegalArgumentException naming the value and what is wrong with it
     */
    static Map<Path, Coverage> parse(List<String> values, List<Path> files) {
        Map<Path, Coverage> declared = new LinkedHashMap<>();
        List<Path> inputs = files.stream().map(InputCoverage::key).toList();
        for (String value : values) {
            int eq = value.lastIndexOf('=');
            if (eq < 0 && inputs.size() > 1) {
                throw new IllegalArgumentException("--covers " + value + " does not say which of the " + inputs.size()
                        + " --events files it covers; write --covers FILE=FROM..TO for each");
            }
            Path key = eq >= 0 ? key(Path.of(value.substring(0, eq))) : inputs.isEmpty() ? BUNDLED : inputs.get(0);
            if (!key.equals(BUNDLED) && !inputs.contains(key)) {
                throw new IllegalArgumentException("--covers " + value + ": " + value.substring(0, eq)
                        + " is not one of the --events files" + (inputs.isEmpty()
                        ? " (there are none: for the bundled record write --covers FROM..TO)" : ""));
            }
            Coverage coverage;
            try {
                coverage = Coverage.parse(value.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--covers " + value + ": " + e.getMessage(), e);
            }
            if (declared.containsKey(key)) {
                throw new IllegalArgumentException("--covers " + value + " declares an input a second time; "
                        + "give each input one --covers");
            }
            declared.put(key, coverage);
        }
        return declared;
    }
}
