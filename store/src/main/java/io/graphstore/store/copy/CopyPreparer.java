package io.graphstore.store.copy;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.Site;
import io.graphstore.store.fdw.MappedTables;
import io.graphstore.store.internal.Sql;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.layout.Layout;
import io.graphstore.store.shard.Head;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The destination side of a new copy, in one destination transaction: namespace, tables and
 * metadata (via the shard's normal create), the copy state with the target block, one table
 * state per entity table with the vid the source had reached and the number of versions it
 * will copy, and the follow state with the source's latest revert (so later reverts are seen).
 */
public final class CopyPreparer {
    private CopyPreparer() {
    }

    public static void prepare(ShardedStore store, Site src, Site dst, int targetBlock, String onSync, NodeId node,
            Transport transport) {
        Layout layout = store.deployments().data(src).layout();
        String schema = store.deployments().schema(src).orElseThrow();
        // the revert position first, then the vids: a revert in between is seen, never missed
        long revertSeq = store.require(src.shard()).jdbi().withHandle(h -> h.createQuery(
                "select coalesce(max(seq), 0) from subgraphs.revert_log where deployment = ?")
                .bind(0, src.id().value()).mapTo(Long.class).one());
        // per table, in one snapshot: the last vid to copy and how many versions up to it the copy
        // will take (those that start at or before the target block), for progress in real rows
        Map<String, long[]> targets = new LinkedHashMap<>();
        store.require(src.shard()).jdbi().useTransaction(h -> {
            h.execute("set transaction isolation level repeatable read");
            for (EntityTable t : layout.tables()) {
                targets.put(t.entityType(), h.createQuery("select coalesce(max(vid), 0), count(*) filter (where "
                                + t.startBlock() + " <= :target) from " + t.qualifiedName(src.namespace()))
                        .bind("target", targetBlock)
                        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
            }
        });
        Head head = store.deployments().data(src).head();
        byte[] targetHash = head.number().orElse(-1) == targetBlock ? head.block().orElseThrow().hash() : null;
        store.deployments().createForCopy(dst, layout, schema, head.earliestBlock(), h -> {
            CopyDao dao = h.attach(CopyDao.class);
            dao.insertState(dst.id().value(), src.id().value(), src.shard().value(), targetBlock, targetHash,
                    "none".equals(onSync) ? null : onSync, node.value(), transport.label());
            targets.forEach((type, t) -> dao.insertTable(dst.id().value(), type, t[0], CopyRunner.FIRST_BATCH, t[1]));
            dao.follow(dst.id().value(), src.id().value(), src.shard().value(), revertSeq);
        });
    }

    /** The mapped source head table in the destination, for status displays. */
    static String remoteHead(Site src) {
        return Sql.qualified(MappedTables.shardSchema(src.shard()), "head");
    }
}
