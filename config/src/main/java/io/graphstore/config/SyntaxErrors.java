package io.graphstore.config;

import io.graphstore.common.Echo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlParseError;

/**
 * Turns tomlj's first parse error into a one-line {@link ConfigException}. tomlj quotes the
 * token or key it stumbled on; that text is shown escaped and shortened, and left out entirely
 * on a line that may hold a password.
 */
final class SyntaxErrors {
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected '(.*?)'(, expected .*)?",
            Pattern.DOTALL);
    private static final Pattern REDEFINED = Pattern.compile(
            "(.+?) ((?:is not an? [a-z]+ \\()?previously defined at line \\d+, column \\d+\\)?)",
            Pattern.DOTALL);
    private static final int MAX_DETAIL = 300;

    private SyntaxErrors() {
    }

    static ConfigException of(TomlParseError error, String toml, String source) {
        int line = error.position().line();
        int column = error.position().column();
        boolean secretLine = TomlValues.mayHoldSecret(lineAt(toml, line));
        return ConfigException.syntax(source, line, column, detail(error.getMessage(), secretLine));
    }

    /**
     * tomlj's message with the quoted token or key shortened; on a line that may hold a
     * password the unexpected token could be part of it, so it is left out.
     */
    static String detail(String message, boolean secretLine) {
        Matcher unexpected = UNEXPECTED.matcher(message);
        if (unexpected.matches()) {
            String expected = unexpected.group(2) == null ? "" : unexpected.group(2);
            return secretLine ? "Unexpected input" + expected
                    : "Unexpected " + Echo.quoted(unexpected.group(1)) + expected;
        }
        Matcher redefined = REDEFINED.matcher(message);
        if (redefined.matches()) {
            return Echo.shown(redefined.group(1)) + " " + redefined.group(2);
        }
        return Echo.escaped(message.length() > MAX_DETAIL
                ? message.substring(0, MAX_DETAIL) + "..." : message);
    }

    private static String lineAt(String text, int line) {
        int start = 0;
        for (int i = 1; i < line; i++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                return "";
            }
            start = next + 1;
        }
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
