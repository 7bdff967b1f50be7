package io.graphstore.bench;

import io.graphstore.store.domain.Site;
import io.graphstore.store.fdw.MappedTables;
import io.graphstore.store.layout.Column;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.layout.Layout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * graph-node's copy of a deployment to another shard, written for the bench after
 * {@code store/postgres/src/copy.rs}, independent of graph-store's copy code, so that nothing
 * graph-store does to its own copies speeds this contender up. On one connection to the
 * destination (graph-node takes one fdw connection for the whole copy):
 * <ol>
 * <li>the source namespace is imported as foreign tables ({@code import foreign schema}),
 * with the source's enum types;</li>
 * <li>the tables one after another, in reverse order of their names (graph-node sorts them and
 * pops from the end); each table's vid range up to the target block is read through the
 * foreign table, then copied in vid batches, each one transaction of
 * {@code INSERT ... SELECT ... RETURNING} counting the current versions, followed by the
 * entity count and the table's progress row, as {@code copy_batch} does. A batch starts at
 * 10 000 vids and adapts to the 3-minute target, at most doubling (graph-node's
 * {@code AdaptiveBatchSize});</li>
 * <li>after all the data, the postponed indexes, one statement per transaction;</li>
 * <li>the foreign schema is dropped.</li>
 * </ol>
 */
final class GraphNodeCopy {
    static final long INITIAL_BATCH = 10_000;
    static final long TARGET_MILLIS = 180_000;

    private GraphNodeCopy() {
    }

    /** Copies {@code src} into the empty tables of {@code dst}, then runs {@code postponed} index statements. */
    static void run(Connection c, Site src, Site dst, Layout layout, int target, List<String> postponed)
            throws SQLException {
        String foreign = src.namespace().value();
        try (Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + foreign + " cascade");
            s.execute("create schema " + foreign);
            for (String type : layout.typeStatements(src.namespace())) {
                s.execute(type);
            }
            s.execute("import foreign schema " + foreign + " from server " + MappedTables.server(src.shard())
                    + " into " + foreign);
        }
        c.setAutoCommit(false);
        List<EntityTable> tables = new ArrayList<>(layout.tables());
        tables.sort(Comparator.comparing(EntityTable::entityType).reversed());
        for (EntityTable t : tables) {
            copyTable(c, src, dst, t, target);
        }
        for (String ddl : postponed) {
            try (Statement s = c.createStatement()) {
                s.execute(ddl);
            }
            c.commit();
        }
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("drop schema " + foreign + " cascade");
        }
    }

    private static void copyTable(Connection c, Site src, Site dst, EntityTable t, int target) throws SQLException {
        String from = src.namespace().value() + "." + t.name();
        long next;
        long last;
        try (PreparedStatement q = c.prepareStatement("select coalesce(min(vid), 0), coalesce(max(vid), -1) from "
                + from + " where " + t.startBlock() + " <= ?")) {
            q.setInt(1, target);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                next = rs.getLong(1);
                last = rs.getLong(2);
            }
        }
        c.commit();
        String cols = t.allColumns().stream().map(Column::quotedName).collect(Collectors.joining(", "));
        String select = t.allColumns().stream().map(col -> col.selectFor(dst.namespace())).collect(Collectors.joining(", "));
        String block = Integer.toString(target);
        String copy = "with copied as (insert into " + t.qualifiedName(dst.namespace()) + " (vid, " + t.blockColumn()
                + ", " + cols + ") select vid, " + t.blocksAsOf(block) + ", " + select + " from " + from
                + " where vid >= ? and vid <= ? and " + t.startBlock() + " <= " + block + " returning " + t.isCurrent()
                + " as current) select count(*) filter (where current) from copied";
        long size = INITIAL_BATCH;
        long millis = 0;
        while (next <= last) {
            long end = Math.min(last, next + size - 1);
            long started = System.nanoTime();
            long count;
            try (PreparedStatement p = c.prepareStatement(copy)) {
                p.setLong(1, next);
                p.setLong(2, end);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            long took = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            millis += took;
            next = end + 1;
            update(c, "update subgraphs.head set entity_count = entity_count + ? where id = ?", count, dst.id().value());
            update(c, "update subgraphs.copy_table_state set next_vid = ?, batch_size = ?, duration_ms = ? where dst = ?"
                    + " and entity_type = ?", next, size, millis, dst.id().value(), t.entityType());
            c.commit();
            size = Math.min(2 * size, Math.max(1, Math.round(size * (double) TARGET_MILLIS / took)));
        }
        update(c, "update subgraphs.copy_table_state set finished_at = now() where dst = ? and entity_type = ?",
                dst.id().value(), t.entityType());
        c.commit();
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            p.executeUpdate();
        }
    }

    /** The statements of {@code tables}' indexes that {@code postponed} picks, in table order. */
    static List<String> indexes(Layout layout, Site dst, Predicate<String> postponed) {
        return layout.tables().stream().flatMap(t -> t.indexStatements(dst.namespace()).stream()).filter(postponed).toList();
    }
}
