package io.graphstore.config;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import java.util.OptionalInt;

/**
 * A config file that cannot be used. The message is always one line: {@code <path>: <problem>;
 * <hint>} for a semantic problem, {@code <source>:<line>:<column>: syntax error: <detail>}
 * when the TOML itself does not parse, or {@code <source>:<line>:<column>: <problem>; <hint>}
 * when the text is not UTF-8. It never contains a password.
 */
public final class ConfigException extends BadInputException {
    private static final long serialVersionUID = 1L;
    private static final int NONE = -1;

    private final String path;
    private final int line;
    private final int column;

    /**
     * A problem with the value at {@code path} (such as {@code store.vip.pool_size[1].size});
     * an empty path means the file as a whole.
     */
    public ConfigException(String path, String problem, String hint) {
        this(path, problem, hint, null);
    }

    ConfigException(String path, String problem, String hint, Throwable cause) {
        super(oneLine((path.isEmpty() ? "" : path + ": ") + problem + "; " + hint), cause);
        this.path = path;
        this.line = NONE;
        this.column = NONE;
    }

    private ConfigException(String message, int line, int column) {
        super(oneLine(message));
        this.path = "";
        this.line = line;
        this.column = column;
    }

    /**
     * A problem with the file's text at a place, such as an encoding error: {@code
     * <source>:<line>:<column>: <problem>; <hint>}; {@code line} and {@code column} are 1-based.
     */
    public static ConfigException at(String source, int line, int column, String problem,
                                     String hint) {
        return new ConfigException(Echo.escaped(source) + ":" + line + ":" + column + ": "
                + problem + "; " + hint, line, column);
    }

    /** The TOML did not parse; {@code line} and {@code column} are 1-based. */
    public static ConfigException syntax(String source, int line, int column, String detail) {
        return new ConfigException(Echo.escaped(source) + ":" + line + ":" + column
                + ": syntax error: " + detail, line, column);
    }

    /** The TOML path of the offending value, or empty for file-level problems. */
    public String path() {
        return path;
    }

    /** The 1-based line of a syntax error. */
    public OptionalInt line() {
        return line == NONE ? OptionalInt.empty() : OptionalInt.of(line);
    }

    /** The 1-based column of a syntax error. */
    public OptionalInt column() {
        return column == NONE ? OptionalInt.empty() : OptionalInt.of(column);
    }

    /** Line breaks become spaces; any other control character left is shown escaped. */
    static String oneLine(String text) {
        return Echo.escaped(text.replaceAll("\\s*[\\r\\n]+\\s*", " "));
    }
}
