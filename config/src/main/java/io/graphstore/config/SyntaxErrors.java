package io.graphstore.config;

import io.graphstore.common.Echo;
import java.util.Optional;
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

    /**
     * The error at the place tomlj reports it; but when an array or inline table opened before
     * that place is never closed, the error is that bracket, at its own line and column.
     */
    static ConfigException of(TomlParseError error, String toml, String source,
                              Optional<NestingCheck.Unclosed> unclosed) {
        int line = error.position().line();
        int column = error.position().column();
        if (unclosed.isPresent() && unclosed.get().before(line, column)) {
            return neverClosed(unclosed.get(), source, line, column);
        }
        boolean secretLine = TomlValues.mayHoldSecret(lineAt(toml, line));
        return ConfigException.syntax(source, line, column, detail(error.getMessage(), secretLine));
    }

    private static ConfigException neverClosed(NestingCheck.Unclosed open, String source,
                                                int line, int column) {
        boolean array = open.bracket() == '[';
        return ConfigException.syntax(source, open.line(), open.column(), "the "
                + (array ? "array" : "inline table") + " that starts here with '" + open.bracket()
                + "' is never closed (the parser noticed at line " + line + ", column " + column
                + "); add '" + (array ? "]' after its last value" : "}' after its last key and value"));
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
