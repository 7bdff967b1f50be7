package io.graphstore.config;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Typed access to parsed TOML values. Every failure names the TOML path and says what was
 * expected and what was found; a value read with {@link #secretString} is never shown.
 */
final class TomlValues {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private TomlValues() {
    }

    /** {@code parent.key}; a key that is not bare is quoted, escaped and shortened. */
    static String child(String parent, String key) {
        String shown = BARE_KEY.matcher(key).matches() && key.length() <= Echo.MAX_SHOWN
                ? key
                : "\"" + Echo.shown(key).replace("\"", "\\\"") + "\"";
        return parent.isEmpty() ? shown : parent + "." + shown;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    static Optional<Object> get(TomlTable table, String key) {
        return Optional.ofNullable(table.get(List.of(key)));
    }

    static TomlTable table(Object value, String path, String hint) {
        if (value instanceof TomlTable table) {
            return table;
        }
        throw typeError(path, "a table", value, hint);
    }

    static TomlArray array(Object value, String path, String expected, String hint) {
        if (value instanceof TomlArray array) {
            return array;
        }
        throw typeError(path, expected, value, hint);
    }

    static String string(Object value, String path, String hint) {
        if (value instanceof String s) {
            return s;
        }
        throw typeError(path, "a string", value, hint);
    }

    /** Like {@link #string} but the error shows only the type of a wrong value, never the value. */
    static String secretString(Object value, String path, String hint) {
        if (value instanceof String s) {
            return s;
        }
        throw new ConfigException(path, "expected a string, got " + typeName(value), hint);
    }

    static long integer(Object value, String path, String expected, String hint) {
        if (value instanceof Long l) {
            return l;
        }
        throw typeError(path, expected, value, hint);
    }

    static int nonNegativeInt(Object value, String path, String hint) {
        long n = integer(value, path, "a non-negative integer", hint);
        if (n < 0) {
            throw new ConfigException(path, "value " + n + " is negative", hint);
        }
        if (n > Integer.MAX_VALUE) {
            throw new ConfigException(path, "value " + n + " is too large", hint);
        }
        return (int) n;
    }

    static Pattern regex(String regex, String path) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(path, "regex " + quoted(regex)
                    + " is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex(), "fix the expression (Java regex syntax)");
        }
    }

    static ShardName shardName(String name, String path) {
        try {
            return ShardName.of(name);
        } catch (BadInputException e) {
            throw new ConfigException(path, "shard name " + quoted(name) + " is invalid",
                    "use 1 to 30 lowercase letters, digits or underscores");
        }
    }

    static NodeId nodeId(String id, String path) {
        NodeId.problem(id).ifPresent(invalid -> {
            throw new ConfigException(path, invalid.problem(), invalid.hint());
        });
        return NodeId.of(id);
    }

    static ConfigException typeError(String path, String expected, Object found, String hint) {
        return new ConfigException(path, "expected " + expected + ", got " + shown(found), hint);
    }

    /** The type and, for short scalars, the value: {@code string 'ten'}, {@code integer 3}. */
    static String shown(Object value) {
        if (value instanceof String s) {
            return mayHoldSecret(s)
                    ? "string (not shown, it may hold a password)"
                    : "string " + quoted(s);
        }
        if (value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return typeName(value) + " " + value;
        }
        return typeName(value);
    }

    /** Whether text looks like a connection string or credential and so must not be echoed. */
    static boolean mayHoldSecret(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("://") || t.contains("@") || t.contains("password")
                || t.contains("secret") || t.contains("token") || t.contains("connection");
    }

    static String typeName(Object value) {
        if (value instanceof String) {
            return "string";
        } else if (value instanceof Long) {
            return "integer";
        } else if (value instanceof Double) {
            return "float";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof TomlArray) {
            return "array";
        } else if (value instanceof TomlTable) {
            return "table";
        }
        return "date/time";
    }

    /** A user-supplied, non-secret string in single quotes, escaped and shortened. */
    static String quoted(String text) {
        return Echo.quoted(text);
    }
}
