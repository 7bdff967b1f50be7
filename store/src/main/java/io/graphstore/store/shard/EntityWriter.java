package io.graphstore.store.shard;

import io.graphstore.common.BadInputException;
import io.graphstore.store.domain.Namespace;
import io.graphstore.store.internal.Sql;
import io.graphstore.store.layout.Column;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.layout.Layout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Writes one block of changes into a site's tables inside the caller's transaction. Per
 * entity type: close the open versions of deleted ids, close those of set ids, insert the
 * new versions in one statement (values travel as text arrays and are cast in SQL).
 * Returns the change in the number of entities.
 */
final class EntityWriter {
    private final Layout layout;
    private final Namespace ns;

    EntityWriter(Layout layout, Namespace ns) {
        this.layout = layout;
        this.ns = ns;
    }

    long write(Handle h, int block, List<EntityChange> changes) {
        Map<String, Map<String, EntityChange>> byType = new LinkedHashMap<>();
        for (EntityChange c : changes) {
            layout.require(c.entityType());
            byType.computeIfAbsent(c.entityType(), t -> new LinkedHashMap<>()).put(c.id(), c);
        }
        long delta = 0;
        for (Map.Entry<String, Map<String, EntityChange>> e : byType.entrySet()) {
            delta += writeTable(h, layout.require(e.getKey()), block, e.getValue());
        }
        return delta;
    }

    private long writeTable(Handle h, EntityTable table, int block, Map<String, EntityChange> changes) {
        List<String> deletes = new ArrayList<>();
        List<EntityChange> sets = new ArrayList<>();
        for (EntityChange c : changes.values()) {
            if (c.isDelete()) {
                deletes.add(table.id().encode(c.id()));
            } else {
                sets.add(c);
            }
        }
        if (table.immutable()) {
            return writeImmutable(h, table, block, deletes, sets);
        }
        String close = "update " + table.qualifiedName(ns) + " set block_range = int4range(lower(block_range), :block)"
                + " where " + Sql.ident(table.id().name()) + " = any(" + idArray(table) + ") and upper_inf(block_range)";
        long deletedExisting = deletes.isEmpty() ? 0
                : h.createUpdate(close).bind("block", block).bind("ids", deletes.toArray(String[]::new)).execute();
        if (sets.isEmpty()) {
            return -deletedExisting;
        }
        String[][] columns = encode(table, sets);
        long setExisting = h.createUpdate(close).bind("block", block).bind("ids", columns[0]).execute();
        insert(h, table, block, columns);
        return (sets.size() - setExisting) - deletedExisting;
    }

    /**
     * An immutable entity is written once: deleting one, or setting one that a block before
     * already wrote, is bad input, as in graph-node, and nothing of the block is written.
     */
    private long writeImmutable(Handle h, EntityTable table, int block, List<String> deletes, List<EntityChange> sets) {
        if (!deletes.isEmpty()) {
            throw new BadInputException(table.entityType() + " is immutable, so entity '" + deletes.get(0)
                    + "' cannot be deleted; only mutable types (without @entity(immutable: true) or timeseries) allow deletes");
        }
        if (sets.isEmpty()) {
            return 0;
        }
        String[][] columns = encode(table, sets);
        h.createQuery("select " + Sql.ident(table.id().name()) + "::text, block$ from " + table.qualifiedName(ns)
                        + " where " + Sql.ident(table.id().name()) + " = any(" + idArray(table) + ") limit 1")
                .bind("ids", columns[0])
                .map((rs, ctx) -> new BadInputException(table.entityType() + " is immutable, so entity '"
                        + rs.getString(1) + "' written at block " + rs.getInt(2) + " cannot be changed at block " + block
                        + "; write each immutable entity once, or make the type mutable"))
                .findOne().ifPresent(e -> {
                    throw e;
                });
        insert(h, table, block, columns);
        return sets.size();
    }

    private String idArray(EntityTable table) {
        return "cast(:ids as text[])::" + table.id().sqlType(ns) + "[]";
    }

    private static String[][] encode(EntityTable table, List<EntityChange> sets) {
        List<Column> cols = table.allColumns();
        String[][] values = new String[cols.size()][sets.size()];
        for (int row = 0; row < sets.size(); row++) {
            EntityChange c = sets.get(row);
            Map<String, Object> data = c.data().orElseThrow();
            for (String field : data.keySet()) {
                if (table.column(field).isEmpty() && !field.equals(table.id().field())) {
                    throw new BadInputException(table.entityType() + "." + field + " is not a stored field of "
                            + table.entityType() + "; known: " + String.join(", ",
                                    cols.stream().map(Column::field).toList()));
                }
            }
            values[0][row] = table.id().encode(c.id());
            for (int i = 1; i < cols.size(); i++) {
                Column col = cols.get(i);
                Object v = data.get(col.field());
                if (v == null && !col.nullable()) {
                    throw new BadInputException(table.entityType() + "." + col.field() + " is required but missing for id '"
                            + c.id() + "'; set a value");
                }
                values[i][row] = col.encode(v);
            }
        }
        return values;
    }

    private void insert(Handle h, EntityTable table, int block, String[][] columns) {
        List<Column> cols = table.allColumns();
        StringBuilder names = new StringBuilder();
        StringBuilder casts = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            String sep = i == 0 ? "" : ", ";
            names.append(", ").append(Sql.ident(c.name()));
            casts.append(", cast(u.c").append(i).append(" as ").append(c.sqlType(ns)).append(')');
            arrays.append(sep).append("cast(:c").append(i).append(" as text[])");
            aliases.append(sep).append('c').append(i);
        }
        String sql = "insert into " + table.qualifiedName(ns) + " (" + table.blockColumn() + names + ")"
                + " select " + table.blocksFrom(":block") + casts + " from unnest(" + arrays + ") as u(" + aliases + ")";
        var update = h.createUpdate(sql).bind("block", block);
        for (int i = 0; i < cols.size(); i++) {
            update.bind("c" + i, columns[i]);
        }
        update.execute();
    }

    /** Deletes versions that start after {@code block} and reopens those closed after it. */
    long revert(Handle h, int block) {
        long delta = 0;
        for (EntityTable table : layout.tables()) {
            long deletedCurrent = h.createQuery("with d as (delete from " + table.qualifiedName(ns)
                    + " where " + table.startBlock() + " > :block returning " + table.isCurrent() + " as current)"
                    + " select count(*) filter (where current) from d")
                    .bind("block", block).mapTo(Long.class).one();
            long reopened = table.immutable() ? 0 : h.createUpdate("update " + table.qualifiedName(ns)
                    + " set block_range = int4range(lower(block_range), null)"
                    + " where not upper_inf(block_range) and upper(block_range) > :block")
                    .bind("block", block).execute();
            delta += reopened - deletedCurrent;
        }
        return delta;
    }
}
