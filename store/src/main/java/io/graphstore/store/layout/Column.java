package io.graphstore.store.layout;

import io.graphstore.common.BadInputException;
import io.graphstore.store.domain.Namespace;
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
        boolean nullable, Optional<String> references, Optional<EnumType> enumType) {

    /** A column that is not of an enum type. */
    public Column(String entityType, String field, String name, ColumnType type, boolean list, boolean nullable,
            Optional<String> references) {
        this(entityType, field, name, type, list, nullable, references, Optional.empty());
    }

    public Column {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(enumType, "enumType");
        if ((type == ColumnType.ENUM) != enumType.isPresent()) {
            throw new IllegalArgumentException(entityType + "." + field + ": an enum column needs its enum type, others none");
        }
        if (!SqlNames.isValid(name)) {
            throw new BadInputException(entityType + "." + field + ": column name '" + name
                    + "' is not a valid SQL identifier; use at most 63 lowercase letters, digits or underscores");
        }
    }

    /** The id column of an entity type. */
    static Column id(String entityType, ColumnType type) {
        return new Column(entityType, "id", "id", type, false, false, Optional.empty());
    }

    /**
     * The SQL type including {@code []} for lists: {@code numeric}, {@code text[]}; an enum's
     * type lives in the deployment's namespace {@code ns}: {@code sgd3."token_kind"}.
     */
    public String sqlType(Namespace ns) {
        String one = enumType.map(e -> e.qualifiedName(ns)).orElse(type.sqlType());
        return list ? one + "[]" : one;
    }

    /**
     * SQL reading this column of a table in another namespace (a copy's source) as a value
     * for the same column in {@code target}: the quoted name, or for an enum the value cast
     * through text, since two namespaces' enum types are distinct types.
     */
    public String selectFor(Namespace target) {
        if (enumType.isEmpty()) {
            return quotedName();
        }
        return "cast(cast(" + quotedName() + " as text" + (list ? "[]" : "") + ") as " + sqlType(target) + ")";
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
