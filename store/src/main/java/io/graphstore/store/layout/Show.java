package io.graphstore.store.layout;

import java.util.HexFormat;

/** How messages show values and types: short, on one line, strings in quotes. */
final class Show {
    private static final int MAX = 60;

    private Show() {
    }

    /** {@code 'abc'} for strings, {@code 0x01ff} for bytes, the plain text otherwise; cut at 60 characters. */
    static String value(Object v) {
        if (v instanceof String s) {
            return "'" + cut(oneLine(s)) + "'";
        }
        if (v instanceof byte[] b) {
            return cut("0x" + HexFormat.of().formatHex(b));
        }
        return cut(oneLine(String.valueOf(v)));
    }

    /** The simple name of the value's class, {@code List} for any list. */
    static String javaType(Object v) {
        if (v instanceof java.util.List<?>) {
            return "List";
        }
        return v instanceof java.util.Map<?, ?> ? "Map" : v.getClass().getSimpleName();
    }

    /** {@code an Int}, {@code a BigInt}, {@code Bytes}, {@code an enum value}. */
    static String noun(ColumnType type) {
        return switch (type) {
            case BYTES -> "Bytes";
            case ENUM -> "an enum value";
            case ID, INT, INT8 -> "an " + type.graphqlName();
            default -> "a " + type.graphqlName();
        };
    }

    /** The field's GraphQL type as declared, as far as the column records it: {@code [String]!}. */
    static String graphqlType(Column c) {
        String base = c.references().orElse(c.type().graphqlName());
        String t = c.list() ? "[" + base + "]" : base;
        return c.nullable() ? t : t + "!";
    }

    /** Control characters (newlines included) as {@code \n} or {@code \}{@code uXXXX}, so a message stays one line. */
    static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String cut(String s) {
        return s.length() <= MAX ? s : s.substring(0, MAX) + "…";
    }
}
