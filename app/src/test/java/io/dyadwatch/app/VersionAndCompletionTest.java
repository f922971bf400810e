package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.ExternalTools.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --version} says which build runs, on every command; {@code completion} prints scripts the shells accept. */
class VersionAndCompletionTest {

    @Test
    void shouldPrintThePomVersionAndTheCommitOnEveryCommand() throws Exception {
        Matcher pom = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(ExternalTools.repositoryRoot().resolve("app/pom.xml")));
        assertThat(pom.find()).isTrue();
        String expected = "dyadwatch " + Pattern.quote(pom.group(1)) + " \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)";

        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(15);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--version");
            CommandLineTest.Run run = CommandLineTest.run(args.toArray(String[]::new));

            assertThat(run.exit()).as("%s: %s", args, run.err()).isZero();
            assertThat(run.out().strip()).as("%s", args).matches(expected);
        }
    }

    @Test
    void shouldPrintABashCompletionScriptThatBashAccepts() throws Exception {
        CommandLineTest.Run run = CommandLineTest.run("completion", "bash");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("complete -F _complete_dyadwatch").contains("tail").contains("--bootstrap-servers");
        Result syntax = ExternalTools.run(List.of("bash", "-n"), ExternalTools.repositoryRoot(),
                run.out().getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
        assertThat(syntax.exitCode()).as(syntax.output()).isZero();
    }

    @Test
    void shouldPrintAZshScriptThatLoadsBashCompletionFirst() throws Exception {
        CommandLineTest.Run run = CommandLineTest.run("completion", "zsh");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n")
                .contains("complete -F _complete_dyadwatch");
        Assumptions.assumeTrue(ExternalTools.find("zsh").isPresent(), "zsh not installed: syntax not checked");
        Result syntax = ExternalTools.run(List.of("zsh", "-n"), ExternalTools.repositoryRoot(),
                run.out().getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
        assertThat(syntax.exitCode()).as(syntax.output()).isZero();
    }

    @Test
    void shouldRefuseAShellItHasNoScriptFor() {
        CommandLineTest.Run run = CommandLineTest.run("completion", "fish");

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("fish").contains("bash, zsh");
    }

    /** Every command path below {@code command} that has a --version option (picocli's help command has none). */
    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        if (command.getCommandSpec().optionsMap().containsKey("--version")) {
            paths.add(path);
        } else {
            assertThat(command.getCommandName()).as("a command without --version").isEqualTo("help");
        }
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            collect(sub.getValue(), next, paths);
        }
    }
}
