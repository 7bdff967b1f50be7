package io.graphstore.config;

/**
 * Rejects arrays and inline tables nested deeper than {@link #MAX_DEPTH} before tomlj sees the
 * text: tomlj parses nesting by recursion, and a few thousand {@code [} overflow its stack.
 * graph-node's parser stops even earlier (at 80 levels), so no file it reads is rejected here.
 * The scan skips strings and comments, so brackets inside them do not count.
 */
final class NestingCheck {
    static final int MAX_DEPTH = 100;

    private NestingCheck() {
    }

    static void check(String toml, String source) {
        int depth = 0;
        int i = 0;
        int n = toml.length();
        while (i < n) {
            char c = toml.charAt(i);
            if (c == '#') {
                i = lineEnd(toml, i);
            } else if (c == '"' || c == '\'') {
                i = toml.startsWith(c == '"' ? "\"\"\"" : "'''", i)
                        ? afterMultiLine(toml, i, c)
                        : afterSingleLine(toml, i, c);
            } else {
                if (c == '[' || c == '{') {
                    depth++;
                    if (depth > MAX_DEPTH) {
                        throw tooDeep(toml, i, source);
                    }
                } else if ((c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
                i++;
            }
        }
    }

    private static ConfigException tooDeep(String toml, int at, String source) {
        int lineStart = toml.lastIndexOf('\n', at) + 1;
        int line = 1;
        for (int i = 0; i < lineStart; i++) {
            if (toml.charAt(i) == '\n') {
                line++;
            }
        }
        return ConfigException.syntax(source, line, at - lineStart + 1,
                "arrays and inline tables are nested more than " + MAX_DEPTH + " levels deep; "
                + "config values need only a few levels, look for a run of '[' or '{'");
    }

    private static int lineEnd(String toml, int from) {
        int end = toml.indexOf('\n', from);
        return end < 0 ? toml.length() : end;
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
