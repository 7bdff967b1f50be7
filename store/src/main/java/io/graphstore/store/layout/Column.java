package io.graphstore.store.layout;

import io.graphstore.common.BadInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored field of an entity type: its GraphQL field, its SQL column and how values cross
 * between Java and PostgreSQL. A reference field ({@code owner: Account!}) has the type of the
 * target's id column and names the target in {@code references}.
 *
 * <p>{@link #encode} turns a Java value into the text PostgreSQL parses when that text is cast
 * to {@link #sqlType()}; writers pass such texts as elements of one {@code text[]} parameter
 * per column, unnest them and cast, so no value is ever concatenated into SQL. {@link #decode}
 * reads the column back as the Java value {@code encode} accepts.
 *
 * @param entityType the GraphQL type the field belongs to, for messages ({@code Token})
 * @param field      the GraphQL field name ({@code totalSupply})
 * @param name       the SQL column name ({@code total_supply}); a valid unquoted identifier
 */
public record Column(String entityType, String field, String name, ColumnType type, boolean list,
        boolean nullable, Optional<String> references) {

    public Column {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(references, "references");
        if (!SqlNames.isValid(name)) {
            throw new BadInputException(entityType + "." + field + ": column name '" + name
                    + "' is not a valid SQL identifier; use at most 63 lowercase letters, digits or underscores");
        }
    }

    /** The id column of an entity type. */
    static Column id(String entityType, ColumnType type) {
        return new Column(entityType, "id", "id", type, false, false, Optional.empty());
    }

    /** The SQL type including {@code []} for lists: {@code numeric}, {@code text[]}. */
    public String sqlType() {
        return list ? type.sqlType() + "[]" : type.sqlType();
    }

    /** The column name in double quotes, for SQL: field names like {@code from} are keywords. */
    public String quotedName() {
        return '"' + name + '"';
    }

    /** {@code Token.totalSupply}, how messages name this column. */
    public String describe() {
        return entityType + "." + field;
    }

    /**
     * The text form of {@code value} that PostgreSQL accepts when cast to {@link #sqlType()};
     * lists become array literals. {@code null} gives {@code null} when the field is nullable.
     * Numbers may also be given as decimal text and Bytes as {@code 0x} hex text.
     *
     * @throws BadInputException naming {@code Type.field} and the value when the value has the
     *                           wrong Java type, is invalid, or is null for a non-null field
     */
    public String encode(Object value) {
        return ValueText.encode(this, value);
    }

    /** Reads this column from {@code rs} as the Java value {@link #encode} accepts; SQL null gives null. */
    public Object decode(ResultSet rs, String columnLabel) throws SQLException {
        return ValueReader.read(this, rs, columnLabel);
    }
}
