package io.graphstore.store.shard;

import io.graphstore.store.domain.Namespace;
import io.graphstore.store.layout.Aggregation;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.layout.Interval;
import io.graphstore.store.layout.Layout;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Rolls timeseries up into aggregation tables after a block's writes, in the block's
 * transaction. As in graph-node, a bucket is rolled up by the first block whose time falls in
 * a later bucket, and the rolled-up rows carry that block's number, so a revert deletes them
 * like any immutable row and the next block rolls the bucket up again.
 *
 * <p>graph-node keeps the previous block's time in memory and derives it at startup from the
 * aggregation tables' latest {@code timestamp}. graph-store keeps nothing: per aggregation and
 * interval (hour before day) it takes the newest source row before the current block's bucket;
 * if the aggregation table has no row for that row's bucket yet, that bucket is rolled up.
 * Since a bucket is due as soon as a later bucket begins, this rolls up the same bucket at the
 * same block as graph-node, also after a restart or a revert, and never a bucket twice. Both
 * lookups are {@code max(timestamp)} on an attribute index.
 */
final class Rollups {
    private Rollups() {
    }

    /** Rolls up what {@code block} at {@code blockTime} (micros) makes due; returns the rows written. */
    static long run(Handle h, Layout layout, Namespace ns, int block, long blockTime) {
        long rows = 0;
        for (Aggregation agg : layout.aggregations()) {
            for (Interval interval : agg.intervals()) {
                long current = interval.start(interval.bucket(blockTime));
                Optional<Long> last = latest(h, ns.qualify(agg.sourceTable()), current);
                if (last.isEmpty()) {
                    continue;
                }
                long start = interval.start(interval.bucket(last.get()));
                long end = interval.start(interval.bucket(last.get()) + 1);
                EntityTable table = agg.table(interval);
                if (latest(h, table.qualifiedName(ns), end).filter(t -> t >= start).isPresent()) {
                    continue;
                }
                rows += h.createUpdate(agg.rollupStatement(interval, ns))
                        .bind("start", time(start)).bind("end", time(end)).bind("block", block).execute();
            }
        }
        return rows;
    }

    /** The newest {@code timestamp} in {@code table} before {@code before} (micros). */
    private static Optional<Long> latest(Handle h, String table, long before) {
        return Optional.ofNullable(h.createQuery("select (extract(epoch from max(\"timestamp\")) * 1000000)::int8 from "
                        + table + " where \"timestamp\" < :before")
                .bind("before", time(before)).map((rs, ctx) -> rs.getObject(1, Long.class)).one());
    }

    private static OffsetDateTime time(long micros) {
        return OffsetDateTime.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
