package io.graphstore.store.layout;

import java.util.Arrays;
import java.util.Optional;

/**
 * How one GraphQL scalar (or enum) is stored. Each type has one PostgreSQL type and one Java
 * type that {@link Column#encode} accepts and {@link Column#decode} returns.
 */
public enum ColumnType {
    ID("ID", "text", String.class),
    STRING("String", "text", String.class),
    INT("Int", "int4", Integer.class),
    INT8("Int8", "int8", Long.class),
    BIG_INT("BigInt", "numeric", java.math.BigInteger.class),
    BIG_DECIMAL("BigDecimal", "numeric", java.math.BigDecimal.class),
    BYTES("Bytes", "bytea", byte[].class),
    BOOLEAN("Boolean", "boolean", Boolean.class),
    /** {@code timestamptz} as in graph-node; in Java microseconds since the epoch, as graph-node's {@code Timestamp} value. */
    TIMESTAMP("Timestamp", "timestamptz", Long.class),
    /** A value of an enum declared in the schema: a PostgreSQL enum type in the namespace (see {@link EnumType}). */
    ENUM("enum", "text", String.class);

    private final String graphqlName;
    private final String sqlType;
    private final Class<?> javaType;

    ColumnType(String graphqlName, String sqlType, Class<?> javaType) {
        this.graphqlName = graphqlName;
        this.sqlType = sqlType;
        this.javaType = javaType;
    }

    /** The PostgreSQL type of one value, without {@code []}. */
    public String sqlType() {
        return sqlType;
    }

    /** The GraphQL scalar name ({@code BigInt}); {@code enum} for {@link #ENUM}. */
    public String graphqlName() {
        return graphqlName;
    }

    /** The Java type {@link Column#decode} returns for one value. */
    public Class<?> javaType() {
        return javaType;
    }

    /** The built-in scalar called {@code name} in GraphQL, if there is one. */
    public static Optional<ColumnType> scalar(String name) {
        return Arrays.stream(values()).filter(t -> t != ENUM && t.graphqlName.equals(name)).findFirst();
    }

    /** Whether an entity's {@code id} may have this type. */
    public boolean canBeId() {
        return this == ID || this == STRING || this == BYTES || this == INT8;
    }
}
