package io.graphstore.store.layout;

import io.graphstore.common.StoreException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads a column as the Java value {@link ValueText} accepts, for the types pgjdbc returns. */
final class ValueReader {
    private ValueReader() {
    }

    static Object read(Column column, ResultSet rs, String label) throws SQLException {
        if (!column.list()) {
            return scalar(column, rs.getObject(label));
        }
        Array array = rs.getArray(label);
        if (array == null) {
            return null;
        }
        try {
            Object[] items = (Object[]) array.getArray();
            List<Object> values = new ArrayList<>(items.length);
            for (Object item : items) {
                values.add(scalar(column, item));
            }
            return Collections.unmodifiableList(values);
        } finally {
            array.free();
        }
    }

    private static Object scalar(Column column, Object v) {
        if (v == null) {
            return null;
        }
        Object value = switch (column.type()) {
            case ID, STRING -> v instanceof String ? v : null;
            case ENUM -> v instanceof String ? v : v instanceof org.postgresql.util.PGobject p ? p.getValue() : null;
            case INT -> v instanceof Number n ? (Object) n.intValue() : null;
            case INT8 -> v instanceof Number n ? (Object) n.longValue() : null;
            case TIMESTAMP -> v instanceof java.sql.Timestamp t ? (Object) micros(t.toInstant()) : null;
            case BIG_INT -> bigInteger(column, v);
            case BIG_DECIMAL -> v instanceof BigDecimal ? v : null;
            case BYTES -> v instanceof byte[] ? v : null;
            case BOOLEAN -> v instanceof Boolean ? v : null;
        };
        if (value == null) {
            throw new StoreException(column.describe() + ": column '" + column.name() + "' holds a "
                    + v.getClass().getName() + ", not " + Show.graphqlType(column) + "; the table does not match the schema");
        }
        return value;
    }

    private static long micros(java.time.Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    private static Object bigInteger(Column column, Object v) {
        if (!(v instanceof BigDecimal d)) {
            return null;
        }
        try {
            return d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new StoreException(column.describe() + ": stored value " + d.toPlainString()
                    + " is not an integer, but the field is a BigInt", e);
        }
    }
}
