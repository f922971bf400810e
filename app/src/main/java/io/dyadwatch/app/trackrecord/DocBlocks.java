package io.dyadwatch.app.trackrecord;

import java.util.Objects;
import java.util.Optional;

/**
 * Generated text kept in a Markdown file between two markers, {@code <!-- generated:NAME -->} and
 * {@code <!-- /generated:NAME -->}, as a fenced block. The track record's tables live in README.md and
 * docs/backtest.md this way: {@code backtest --track-record --update-docs} rewrites them, and a test compares them
 * with what the code prints (it never rewrites them).
 */
public final class DocBlocks {

    private DocBlocks() {
    }

    /** The opening marker of a block. */
    public static String open(String name) {
        return "<!-- generated:" + name + " -->";
    }

    /** The closing marker of a block. */
    public static String close(String name) {
        return "<!-- /generated:" + name + " -->";
    }

    /** The text of the named block (inside its fence), or empty when the document has no such block. */
    public static Optional<String> extract(String document, String name) {
        int start = document.indexOf(open(name));
        int end = document.indexOf(close(name));
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        String inner = document.substring(start + open(name).length(), end).strip();
        if (!inner.startsWith("```") || !inner.endsWith("```")) {
            throw new IllegalArgumentException("the block " + name + " is not one fenced code block");
        }
        int firstNewline = inner.indexOf('\n');
        return Optional.of(firstNewline < 0 ? "" : inner.substring(firstNewline + 1, inner.length() - 3));
    }

    /**
     * The document with the named block's text replaced.
     *
     * @throws IllegalArgumentException when the document has no such block (markers are added by hand, where the
     *                                  block belongs)
     */
    public static String replace(String document, String name, String text) {
        Objects.requireNonNull(text, "text");
        int start = document.indexOf(open(name));
        int end = document.indexOf(close(name));
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no block '" + name + "' (" + open(name) + " ... " + close(name) + ")");
        }
        String body = text.endsWith("\n") ? text : text + "\n";
        return document.substring(0, start) + open(name) + "\n```\n" + body + "```\n" + document.substring(end);
    }
}
