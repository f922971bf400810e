package io.dyadwatch.app.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal, so progress lines are drawn only where a person watches them and never
 * end up in a redirected file or a pipe.
 *
 * <p>Hand-written because the JDK has no direct check on Java 17: on Linux the stream's file descriptor is looked
 * up in {@code /proc/self/fd} (a terminal is {@code /dev/pts/N} or {@code /dev/ttyN}); elsewhere
 * {@link Console#isTerminal()} on Java 22+ (called reflectively, the code is compiled for 17), else
 * {@code System.console() != null}, which on 17 means standard input and output are a terminal.
 */
final class Terminals {

    private static final Path PROC_FD = Path.of("/proc/self/fd");

    private Terminals() {
    }

    /** True when standard error is a terminal. */
    static boolean standardError() {
        return isTerminal(2);
    }

    static boolean isTerminal(int fd) {
        Path link = PROC_FD.resolve(Integer.toString(fd));
        if (Files.isSymbolicLink(link)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(link).toString());
            } catch (IOException | UnsupportedOperationException e) {
                // fall through to the console check
            }
        }
        return consoleIsTerminal();
    }

    /** Whether a /proc/self/fd link target names a terminal device (not a file, pipe, socket or /dev/null). */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.matches("/dev/tty\\w*");
    }

    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 17-21: a console exists only when input and output are a terminal
        }
    }
}
