package io.dyadwatch.app.backtest;

/**
 * Escaping for hand-written HTML, SVG and CSV. Event summaries and source names are untrusted text: everything
 * that did not come from this code goes through {@link #text} (element content and quoted attribute values).
 */
public final class Markup {

    private Markup() {
    }

    /**
     * Escapes text for HTML or XML element content and double- or single-quoted attribute values: {@code & < > " '}.
     * Characters XML 1.0 forbids (control characters other than tab, newline and carriage return, and unpaired
     * surrogates) become U+FFFD, so the SVG always parses.
     */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                            || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }

    /** A link target, or null when the URL is not plain http(s) (no javascript: or data: links from event data). */
    public static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? trimmed : null;
    }

    /** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
    public static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
