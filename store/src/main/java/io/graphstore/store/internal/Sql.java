package io.graphstore.store.internal;

import java.util.regex.Pattern;

/**
 * Identifiers for generated SQL. Only names that already passed a value record's validation
 * reach here; they are checked once more and always double-quoted, so a column named
 * {@code from} or {@code order} is safe.
 */
public final class Sql {
    private static final Pattern IDENT = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Sql() {
    }

    public static String ident(String name) {
        if (!IDENT.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe SQL identifier: " + name);
        }
        return "\"" + name + "\"";
    }

    /**
     * A string literal for DDL that cannot take bind parameters (server and user mapping
     * options). Escaped by the driver; PostgreSQL runs with standard_conforming_strings.
     */
    public static String literal(String value) {
        try {
            return "'" + org.postgresql.core.Utils.escapeLiteral(null, value, true) + "'";
        } catch (java.sql.SQLException e) {
            throw new IllegalArgumentException("value cannot be written as an SQL literal (it contains a NUL character)");
        }
    }

    /** {@code "sgd3"."token"} */
    public static String qualified(String schema, String table) {
        return ident(schema) + "." + ident(table);
    }
}
