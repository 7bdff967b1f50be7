package io.graphstore.store.layout;

import io.graphstore.common.BadInputException;
import io.graphstore.store.domain.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The table of one entity type in a deployment's namespace. Besides {@code id} and the
 * {@code columns}, every table has {@code vid bigserial} (the version's row id) and
 * {@code block_range int4range} (the blocks the version is valid for; open while current).
 *
 * @param entityType the GraphQL type name ({@code TokenBalance})
 * @param name       the table name ({@code token_balance}); a valid unquoted identifier
 * @param id         the {@code id} column
 * @param columns    the other stored fields in declaration order; derived fields are not stored
 */
public record EntityTable(String entityType, String name, Column id, List<Column> columns) {
    public EntityTable {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(id, "id");
        columns = List.copyOf(columns);
        if (!SqlNames.isValid(name)) {
            throw new BadInputException("type '" + entityType + "': table name '" + name
                    + "' is not a valid SQL identifier; use at most 63 lowercase letters, digits or underscores");
        }
        if (!id.name().equals("id") || !id.type().canBeId() || id.list() || id.nullable()) {
            throw new BadInputException("type '" + entityType + "': the id column must be a non-null ID, String,"
                    + " Bytes or Int8 named 'id', not " + id);
        }
    }

    /** {@code sgd3.token_balance}: safe unquoted, since a name after the dot may even be a keyword. */
    public String qualifiedName(Namespace ns) {
        return ns.qualify(name);
    }

    /** {@code id} first, then the other columns in field order. */
    public List<Column> allColumns() {
        List<Column> all = new ArrayList<>(columns.size() + 1);
        all.add(id);
        all.addAll(columns);
        return List.copyOf(all);
    }

    /** The column of GraphQL field {@code field} ({@code "id"} included); empty for unknown or derived fields. */
    public Optional<Column> column(String field) {
        return allColumns().stream().filter(c -> c.field().equals(field)).findFirst();
    }

    /**
     * The DDL of the secondary indexes in {@code ns} (all but the primary key), each
     * {@code create ... if not exists}: running it again on a table that has them does nothing.
     */
    public List<String> indexStatements(Namespace ns) {
        return TableDdl.indexes(this, ns);
    }

    /** The btree index on (id, lower(block_range)) that a read of one id at a block uses. */
    public String idIndexName() {
        return SqlNames.derived(name, "_id_block");
    }

    /** The partial unique index on {@code id} of the open (current) versions. */
    public String openIndexName() {
        return SqlNames.derived(name, "_id_open");
    }

    /** The BRIN index on the block range bounds, used by reverts. */
    public String blockRangeIndexName() {
        return SqlNames.derived(name, "_block_range_brin");
    }
}
