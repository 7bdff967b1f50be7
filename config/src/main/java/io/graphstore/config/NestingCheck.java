package io.graphstore.config;

import java.util.Optional;

/**
 * Scans the brackets of arrays and inline tables before tomlj sees the text.
 *
 * <ul>
 *   <li>Nesting deeper than {@link #MAX_DEPTH} is rejected: tomlj parses nesting by recursion,
 *       and a few thousand {@code [} overflow its stack. graph-node's parser stops even earlier
 *       (at 80 levels), so no file it reads is rejected here.</li>
 *   <li>The first array or inline table that is never closed is remembered, so that a syntax
 *       error tomlj reports somewhere after it (often lines later, at the next table header)
 *       can name the bracket that was left open instead.</li>
 * </ul>
 *
 * The scan skips strings and comments, so brackets inside them do not count, and table headers
 * ({@code [store.primary]}, {@code [[deployment.rule]]}) are not values.
 */
final class NestingCheck {
    static final int MAX_DEPTH = 100;

    /** An opening bracket that no closing bracket matches, at a 1-based line and column. */
    record Unclosed(char bracket, int line, int column) {
        /** Whether this bracket comes before the 1-based {@code line} and {@code column}. */
        boolean before(int otherLine, int otherColumn) {
            return line < otherLine || (line == otherLine && column < otherColumn);
        }
    }

    private final String toml;
    private final int[] open = new int[MAX_DEPTH + 1];
    private int depth;
    private int firstUnclosed = -1;

    private NestingCheck(String toml) {
        this.toml = toml;
    }

    /**
     * Checks the nesting depth and returns the first bracket that is never closed, if any.
     *
     * @throws ConfigException when arrays and inline tables nest more than {@link #MAX_DEPTH}
     */
    static Optional<Unclosed> check(String toml, String source) {
        return new NestingCheck(toml).scan(source);
    }

    private Optional<Unclosed> scan(String source) {
        boolean lineStart = true;
        int i = 0;
        int n = toml.length();
        while (i < n) {
            char c = toml.charAt(i);
            if (c == '#') {
                i = lineEnd(toml, i);
            } else if (c == '"' || c == '\'') {
                i = afterString(toml, i, c);
            } else if (c == '[' && lineStart && depth == 0) {
                i = afterHeader(i);
            } else {
                if (c == '[' || c == '{') {
                    if (depth == MAX_DEPTH) {
                        throw tooDeep(i, source);
                    }
                    open[depth++] = i;
                } else if (c == ']' || c == '}') {
                    close(c);
                }
                i++;
            }
            lineStart = c == '\n' || (lineStart && (c == ' ' || c == '\t' || c == '\r'));
        }
        while (depth > 0) {
            unclosed(open[--depth]);
        }
        return firstUnclosed < 0 ? Optional.empty() : Optional.of(located(firstUnclosed));
    }

    /**
     * A closing bracket closes the innermost open one of its kind. When that one is not the
     * innermost ({@code [1, { a = 2 ]}), the brackets opened inside it were never closed.
     */
    private void close(char closing) {
        char opening = closing == ']' ? '[' : '{';
        for (int d = depth - 1; d >= 0; d--) {
            if (toml.charAt(open[d]) == opening) {
                while (depth > d + 1) {
                    unclosed(open[--depth]);
                }
                depth = d;
                return;
            }
        }
        // nothing of its kind is open: a stray bracket, which tomlj reports where it stands
    }

    private void unclosed(int offset) {
        if (firstUnclosed < 0 || offset < firstUnclosed) {
            firstUnclosed = offset;
        }
    }

    /** After a table header such as [store.primary] or [[deployment.rule]], or at its line's end. */
    private int afterHeader(int open) {
        int i = open + 1;
        while (i < toml.length()) {
            char c = toml.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (c == '"' || c == '\'') {
                i = afterString(toml, i, c);
            } else if (c == ']') {
                return toml.startsWith("]]", i) ? i + 2 : i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    private Unclosed located(int offset) {
        int lineStart = toml.lastIndexOf('\n', offset) + 1;
        return new Unclosed(toml.charAt(offset), lineOf(offset), offset - lineStart + 1);
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (toml.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private ConfigException tooDeep(int at, String source) {
        Unclosed place = located(at);
        return ConfigException.syntax(source, place.line(), place.column(),
                "arrays and inline tables are nested more than " + MAX_DEPTH + " levels deep; "
                + "config values need only a few levels, look for a run of '[' or '{'");
    }

    private static int lineEnd(String toml, int from) {
        int end = toml.indexOf('\n', from);
        return end < 0 ? toml.length() : end;
    }

    private static int afterString(String toml, int open, char quote) {
        return toml.startsWith(quote == '"' ? "\"\"\"" : "'''", open)
                ? afterMultiLine(toml, open, quote)
                : afterSingleLine(toml, open, quote);
    }

    /** After a "basic" or 'literal' string; an unterminated one ends at the line break. */
    private static int afterSingleLine(String toml, int open, char quote) {
        int i = open + 1;
        while (i < toml.length()) {
            char c = toml.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (c == quote) {
                return i + 1;
            }
            i += c == '\\' && quote == '"' ? 2 : 1;
        }
        return toml.length();
    }

    /** After a """multi-line""" or '''multi-line''' string, which may end in up to 5 quotes. */
    private static int afterMultiLine(String toml, int open, char quote) {
        String delimiter = String.valueOf(quote).repeat(3);
        int i = open + 3;
        while (i < toml.length()) {
            char c = toml.charAt(i);
            if (c == '\\' && quote == '"') {
                i += 2;
            } else if (toml.startsWith(delimiter, i)) {
                i += 3;
                for (int extra = 0; extra < 2 && i < toml.length() && toml.charAt(i) == quote; extra++) {
                    i++;
                }
                return i;
            } else {
                i++;
            }
        }
        return toml.length();
    }
}
