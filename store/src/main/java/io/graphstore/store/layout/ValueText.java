package io.graphstore.store.layout;

import io.graphstore.common.BadInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Java values to the text PostgreSQL's input functions accept: {@code 42}, {@code \x01ff},
 * {@code {"a","b\"c",NULL}}. Checks the Java type first, so a wrong value is reported by
 * field and value here and never reaches the database as a cast error. Numbers may also be
 * given as decimal text and Bytes as {@code 0x} hex text (ids arrive as strings); such text
 * is checked and written in canonical form.
 */
final class ValueText {
    private static final HexFormat HEX = HexFormat.of();

    private ValueText() {
    }

    static String encode(Column column, Object value) {
        if (value == null) {
            if (!column.nullable()) {
                throw new BadInputException(column.describe() + ": null is not allowed; the field is non-null ("
                        + Show.graphqlType(column) + ")");
            }
            return null;
        }
        if (!column.list()) {
            return scalar(column, column.describe(), value);
        }
        if (!(value instanceof List<?> items)) {
            throw new BadInputException(column.describe() + ": " + Show.value(value) + " is not a list ("
                    + Show.graphqlType(column) + "); got " + Show.javaType(value) + ", expected java.util.List");
        }
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            Object item = items.get(i);
            if (item == null) {
                literal.append("NULL");
            } else {
                quoteElement(literal, scalar(column, column.describe() + "[" + i + "]", item));
            }
        }
        return literal.append('}').toString();
    }

    /** An array element in double quotes: then only {@code "} and {@code \} need a backslash. */
    private static void quoteElement(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static String scalar(Column column, String subject, Object v) {
        ColumnType type = column.type();
        String text = switch (type) {
            case ID, STRING -> v instanceof String s ? text(subject, s) : null;
            case ENUM -> v instanceof String s ? enumValue(column, subject, s) : null;
            case INT -> v instanceof Integer ? v.toString() : parsed(v, Integer::valueOf);
            case INT8 -> v instanceof Long || v instanceof Integer ? v.toString() : parsed(v, Long::valueOf);
            case TIMESTAMP -> timestamp(v instanceof Long || v instanceof Integer ? v.toString() : parsed(v, Long::valueOf));
            case BIG_INT -> isIntegral(v) ? v.toString() : parsed(v, BigInteger::new);
            case BIG_DECIMAL -> v instanceof BigDecimal d ? d.toPlainString()
                    : isIntegral(v) ? v.toString() : parsed(v, BigDecimal::new);
            case BYTES -> "\\x" + HEX.formatHex(bytes(subject, v));
            case BOOLEAN -> v instanceof Boolean || "true".equals(v) || "false".equals(v) ? v.toString() : null;
        };
        if (text == null) {
            throw wrongType(subject, type, v);
        }
        return text;
    }

    private static String text(String subject, String s) {
        if (s.indexOf('\0') >= 0) {
            throw new BadInputException(subject + ": " + Show.value(s)
                    + " contains the NUL character, which PostgreSQL text cannot store");
        }
        return s;
    }

    /** Microseconds since the epoch (as text) to the ISO 8601 text timestamptz reads, in UTC. */
    private static String timestamp(String micros) {
        if (micros == null) {
            return null;
        }
        long m = Long.parseLong(micros);
        return java.time.Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000L).toString();
    }

    private static String enumValue(Column column, String subject, String s) {
        EnumType e = column.enumType().orElseThrow();
        if (!e.values().contains(s)) {
            throw new BadInputException(subject + ": " + Show.value(s) + " is not a value of enum " + e.graphqlName()
                    + " (" + String.join(", ", e.values()) + "); values are case-sensitive");
        }
        return s;
    }

    private static boolean isIntegral(Object v) {
        return v instanceof BigInteger || v instanceof Long || v instanceof Integer;
    }

    /** A number given as text, in canonical form; null when {@code v} is no such text. */
    private static String parsed(Object v, Function<String, ? extends Number> parse) {
        if (!(v instanceof String s)) {
            return null;
        }
        try {
            Number n = parse.apply(s);
            return n instanceof BigDecimal d ? d.toPlainString() : n.toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] bytes(String subject, Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s && (s.startsWith("0x") || s.startsWith("0X"))) {
            String digits = s.substring(2);
            if (digits.length() % 2 != 0 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new BadInputException(subject + ": " + Show.value(v)
                        + " is not Bytes; a hex string is '0x' followed by pairs of hex digits");
            }
            return HEX.parseHex(digits);
        }
        throw wrongType(subject, ColumnType.BYTES, v);
    }

    private static BadInputException wrongType(String subject, ColumnType type, Object v) {
        String expected = switch (type) {
            case BYTES -> "byte[] or a '0x' hex String";
            case BOOLEAN -> "Boolean or 'true'/'false'";
            case ID, STRING, ENUM -> "String";
            default -> type.javaType().getSimpleName() + " or a decimal String";
        };
        return new BadInputException(subject + ": " + Show.value(v) + " is not " + Show.noun(type)
                + " (got " + Show.javaType(v) + ", expected " + expected + ")");
    }
}
