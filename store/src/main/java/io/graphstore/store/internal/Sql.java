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

    /** {@code "sgd3"."token"} */
    public static String qualified(String schema, String table) {
        return ident(schema) + "." + ident(table);
    }
}
