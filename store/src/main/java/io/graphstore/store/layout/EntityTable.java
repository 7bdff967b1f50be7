package io.graphstore.store.layout;

import io.graphstore.common.BadInputException;
import io.graphstore.store.domain.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The table of one entity type in a deployment's namespace. Besides {@code id} and the
 * {@code columns}, every table has {@code vid bigserial} (the version's row id) and the
 * blocks its rows are valid for: a mutable type has {@code block_range int4range} (open while
 * the version is current), an immutable one ({@code @entity(immutable: true)}, timeseries and
 * aggregations) only {@code block$ int}, the block that created the entity, which then stays
 * valid forever. The methods returning SQL fragments hide that difference from readers,
 * writers, copies and reverts.
 *
 * @param entityType the GraphQL type name ({@code TokenBalance})
 * @param name       the table name ({@code token_balance}); a valid unquoted identifier
 * @param id         the {@code id} column
 * @param columns    the other stored fields in declaration order; derived fields are not stored
 * @param immutable  whether entities are never updated or deleted once written
 * @param position   the table's place in the layout; attribute index names carry it, as in graph-node
 * @param fulltext   the {@code @fulltext} columns that include this type, after the stored fields
 * @param dimsIndex  the columns of the {@code <table>_dims} index of an aggregation table with
 *                   cumulative aggregates and dimensions (the dimensions, then {@code timestamp}),
 *                   which the rollup's search for a group's previous row uses; empty for others
 */
public record EntityTable(String entityType, String name, Column id, List<Column> columns, boolean immutable,
        int position, List<FulltextColumn> fulltext, List<String> dimsIndex) {
    /** The column of an immutable table holding the block that created the row. */
    public static final String BLOCK_COLUMN = "block$";
    /** The column of a mutable table holding the blocks a version is valid for. */
    public static final String BLOCK_RANGE_COLUMN = "block_range";

    /** A table without a {@code _dims} index. */
    public EntityTable(String entityType, String name, Column id, List<Column> columns, boolean immutable,
            int position, List<FulltextColumn> fulltext) {
        this(entityType, name, id, columns, immutable, position, fulltext, List.of());
    }

    public EntityTable {
        fulltext = List.copyOf(fulltext);
        dimsIndex = List.copyOf(dimsIndex);
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

    /** {@code block_range} or {@code block$}: the system column besides {@code vid}. */
    public String blockColumn() {
        return immutable ? BLOCK_COLUMN : BLOCK_RANGE_COLUMN;
    }

    /** SQL: the first block a row is valid at. */
    public String startBlock() {
        return immutable ? BLOCK_COLUMN : "lower(block_range)";
    }

    /** SQL predicate: the row is a current version (every row of an immutable table is). */
    public String isCurrent() {
        return immutable ? "true" : "upper_inf(block_range)";
    }

    /** SQL predicate: the row is valid at the block in {@code param} (an int4 expression, like {@code :block}). */
    public String validAt(String param) {
        return immutable ? BLOCK_COLUMN + " <= " + param : "block_range @> cast(" + param + " as int4)";
    }

    /**
     * SQL: the row's block column as it was at the block in {@code param}: a version closed
     * after that block is open again. Used with {@code startBlock() <= param}.
     */
    public String blocksAsOf(String param) {
        return immutable ? BLOCK_COLUMN
                : "case when not upper_inf(block_range) and upper(block_range) > " + param
                        + " then int4range(lower(block_range), null) else block_range end";
    }

    /** SQL: the block column of a row written at the block in {@code param}. */
    public String blocksFrom(String param) {
        return immutable ? param : "int4range(" + param + ", null)";
    }

    /** The unique index on {@code id} of an immutable table (PostgreSQL's name for {@code unique (id)}). */
    public String idKeyName() {
        return SqlNames.derived(name, "_id_key");
    }

    /** The names of the indexes {@link #indexStatements} creates. */
    public List<String> indexNames() {
        List<String> names = new ArrayList<>(immutable ? List.of(idKeyName(), blockIndexName())
                : List.of(idIndexName(), openIndexName(), blockRangeIndexName()));
        AttributeIndexes.of(this).forEach(i -> names.add(i.name()));
        if (!dimsIndex.isEmpty()) {
            names.add(dimsIndexName());
        }
        return List.copyOf(names);
    }

    /** The {@code _dims} index of an aggregation table (see {@code dimsIndex}). */
    public String dimsIndexName() {
        return SqlNames.derived(name, "_dims");
    }

    /** The btree index on {@code block$} of an immutable table, used by reverts and copies. */
    public String blockIndexName() {
        return SqlNames.derived(name, "_block");
    }

    /** The btree index on (id, lower(block_range)) that a read of one id at a block uses. */
    public String idIndexName() {
        return SqlNames.derived(name, "_id_block");
    }

    /** The partial unique index on {@code id} of the open (current) versions. */
    public String openIndexName() {
        return SqlNames.derived(name, "_id_open");
    }

    /** The BRIN index on the block range bounds (on {@code block$} when immutable), used by reverts. */
    public String blockRangeIndexName() {
        return SqlNames.derived(name, "_block_range_brin");
    }
}
