package io.graphstore.common;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Shows a value the user typed inside an error message. The value is kept on one line and
 * cannot drive the terminal: line breaks, tabs and other control or invisible format
 * characters are written as escapes ({@code \n}, {@code \t}, {@code \u001b}), and a long value
 * is cut after {@value #MAX_SHOWN} characters with its full length said:
 * {@code 'aaaa...' (10000 chars)}. Never pass a secret here; secrets are not shown at all.
 */
public final class Echo {
    /** How many characters of a value are shown before it is cut. */
    public static final int MAX_SHOWN = 60;
    /** How many values of a list are shown before it is cut. */
    public static final int MAX_LISTED = 20;

    private Echo() {
    }

    /** The value in single quotes, escaped and shortened: {@code 'Index-Node'}. */
    public static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        int length = value.codePointCount(0, value.length());
        if (length <= MAX_SHOWN) {
            return "'" + escaped(value) + "'";
        }
        return "'" + escaped(head(value)) + "...' (" + length + " chars)";
    }

    /** The value without quotes, escaped and shortened, for places such as a TOML key. */
    public static String shown(String value) {
        if (value == null) {
            return "null";
        }
        int length = value.codePointCount(0, value.length());
        return length <= MAX_SHOWN ? escaped(value)
                : escaped(head(value)) + "... (" + length + " chars)";
    }

    /**
     * Names such as the known networks, each {@link #shown} and joined with commas; a list of
     * more than {@value #MAX_LISTED} ends with {@code ... (N in all)}.
     */
    public static String list(Collection<String> values) {
        String shown = values.stream().limit(MAX_LISTED).map(Echo::shown)
                .collect(Collectors.joining(", "));
        return values.size() <= MAX_LISTED ? shown : shown + ", ... (" + values.size() + " in all)";
    }

    /**
     * The text with every control and invisible format character escaped, at full length; for
     * whole messages whose values were already shortened.
     */
    public static String escaped(String text) {
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isUnprintable(cp)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(escape(cp));
            } else if (out != null) {
                out.append(text, i, next);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /**
     * Whether the code point would be escaped: a control character, an invisible format
     * character (such as a bidi override or a zero-width space), a line or paragraph separator,
     * or half of a surrogate pair on its own.
     */
    public static boolean isUnprintable(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    private static String escape(int codePoint) {
        switch (codePoint) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                StringBuilder out = new StringBuilder();
                for (char c : Character.toChars(codePoint)) {
                    out.append(String.format("\\u%04x", (int) c));
                }
                return out.toString();
        }
    }

    private static String head(String value) {
        return value.substring(0, value.offsetByCodePoints(0, MAX_SHOWN));
    }
}
