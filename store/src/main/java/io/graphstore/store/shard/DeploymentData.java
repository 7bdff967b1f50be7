package io.graphstore.store.shard;

import io.graphstore.common.BadInputException;
import io.graphstore.common.StoreException;
import io.graphstore.store.domain.BlockPtr;
import io.graphstore.store.domain.Site;
import io.graphstore.store.internal.Sql;
import io.graphstore.store.layout.Layout;
import io.graphstore.common.ShardName;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.pool.ShardUnavailableException;
import java.util.function.Function;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The data of one site in its shard. Touches that shard only. Every write runs in one shard
 * transaction that first locks the site's head row, so writers of one site are serialized
 * and the head, the entity count and the entity tables always move together.
 */
public final class DeploymentData {
    private final Site site;
    private final ShardPool pool;
    private final Layout layout;
    private final Function<ShardName, List<String>> holdings;

    DeploymentData(Site site, ShardPool pool, Layout layout, Function<ShardName, List<String>> holdings) {
        this.site = site;
        this.pool = pool;
        this.layout = layout;
        this.holdings = holdings;
    }

    private <T> T run(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return inShard(pool, site, work);
        } catch (ShardUnavailableException e) {
            throw e.holding(holdings.apply(site.shard()));
        }
    }

    public Site site() {
        return site;
    }

    public Layout layout() {
        return layout;
    }

    /** Creates namespace, tables ({@code ddl}) and metadata rows in one shard transaction. */
    static void create(Site site, ShardPool pool, List<String> ddl, String schemaText, int startBlock,
            java.util.function.Consumer<Handle> alsoInTransaction) {
        inShard(pool, site, h -> {
            h.execute("create schema " + Sql.ident(site.namespace().value()));
            for (String statement : ddl) {
                h.execute(statement);
            }
            MetadataDao meta = h.attach(MetadataDao.class);
            meta.insertDeployment(site.id().value(), site.hash().value(), startBlock);
            meta.insertHead(site.id().value());
            meta.insertManifest(site.id().value(), schemaText, startBlock);
            alsoInTransaction.accept(h);
            return null;
        });
    }

    /**
     * Writes the changes of {@code block}, which must come after the head. Returns the new head.
     * A change naming an unknown type or field, or missing a required field, is bad input and
     * nothing of the block is written. Without the block's time there are no rollups and no
     * timeseries: a deployment with aggregations, or a change to a timeseries, is bad input
     * here; use {@link #transact(BlockPtr, long, List)}.
     */
    public Head transact(BlockPtr block, List<EntityChange> changes) {
        if (!layout.aggregations().isEmpty()) {
            throw new BadInputException(site.describe() + " has aggregations ("
                    + String.join(", ", layout.aggregations().stream().map(a -> a.name()).toList())
                    + "), which roll up by block time; write its blocks with their time");
        }
        return transact(block, OptionalLong.empty(), changes);
    }

    /**
     * Like {@link #transact(BlockPtr, List)} for a block whose time is {@code blockTimeMicros}
     * (microseconds since the epoch). Timeseries entities get their id and timestamp from the
     * block (see {@link TimeseriesStamp}), and in the same transaction every aggregation bucket
     * this block completes is rolled up (see {@link Rollups}); rolled-up rows count as entities.
     */
    public Head transact(BlockPtr block, long blockTimeMicros, List<EntityChange> changes) {
        return transact(block, OptionalLong.of(blockTimeMicros), changes);
    }

    private Head transact(BlockPtr block, OptionalLong blockTime, List<EntityChange> changes) {
        List<EntityChange> stamped = TimeseriesStamp.stamp(layout, block.number(), blockTime, changes);
        return run(h -> {
            MetadataDao meta = h.attach(MetadataDao.class);
            Optional<Integer> head = lockHead(meta);
            if (head.isPresent() && block.number() <= head.get()) {
                throw new StoreException("block " + block.number() + " is not after the head #" + head.get() + " of "
                        + site.describe() + "; revert to an earlier block first");
            }
            long delta = new EntityWriter(layout, site.namespace()).write(h, block.number(), stamped);
            if (blockTime.isPresent()) {
                delta += Rollups.run(h, layout, site.namespace(), block.number(), blockTime.getAsLong());
            }
            meta.moveHead(site.id().value(), block.number(), block.hash(), delta);
            return head(meta, site);
        });
    }

    /** Undoes every change after {@code to}, which must lie between the earliest block and the head. */
    public Head revert(BlockPtr to) {
        return io.graphstore.store.pool.LongStatements.allow(() -> run(h -> {
            MetadataDao meta = h.attach(MetadataDao.class);
            Optional<Integer> head = lockHead(meta);
            Head current = head(meta, site);
            if (head.isEmpty() || to.number() > head.get() || to.number() < current.earliestBlock()) {
                throw new BadInputException("block " + to.number() + " is outside what " + site.describe()
                        + " can revert to (" + current.earliestBlock() + " to "
                        + head.map(String::valueOf).orElse("nothing written yet") + ")");
            }
            long delta = new EntityWriter(layout, site.namespace()).revert(h, to.number());
            meta.moveHead(site.id().value(), to.number(), to.hash(), delta);
            meta.logRevert(site.id().value(), to.number());
            return head(meta, site);
        }));
    }

    public Head head() {
        return run(h -> head(h.attach(MetadataDao.class), site));
    }

    /** The entity {@code id} of {@code entityType} as it was at {@code block}. */
    public Optional<Map<String, Object>> get(String entityType, String id, int block) {
        return run(h -> new EntityReader(layout, site.namespace()).get(h, entityType, id, block));
    }

    /** Up to {@code limit} entities valid at {@code block}, by id, optionally filtered. */
    public List<Map<String, Object>> find(String entityType, int block, Optional<Filter> filter, int limit) {
        return run(h -> new EntityReader(layout, site.namespace()).find(h, entityType, block, filter, limit));
    }

    /**
     * Locks the site's head row; empty before the first block. A site that follows another
     * (a copy, or a former active copy) is written only by replay, never directly: checked
     * after taking the lock, so a write cannot slip past an activation.
     */
    private Optional<Integer> lockHead(MetadataDao meta) {
        int head = meta.lockHead(site.id().value()).orElseThrow(() -> new StoreException("site "
                + site.describe() + " has no head row in shard '" + site.shard()
                + "'; finish its deploy by running 'graphman deploy' again"));
        Optional<Integer> follows = meta.follows(site.id().value());
        if (follows.isPresent()) {
            throw new StoreException("site " + site.describe() + " is not the active copy of " + site.hash()
                    + "; it follows sgd" + follows.get() + " and is written only by replay; write through the active copy");
        }
        return head < 0 ? Optional.empty() : Optional.of(head);
    }

    /** The head row of {@code site}; a site without one is an error naming it. */
    static Head head(MetadataDao meta, Site site) {
        return head(meta.head(site.id().value()), site);
    }

    /** {@link #head(MetadataDao, Site)} from the row read already. */
    static Head head(Optional<MetadataDao.HeadRow> headRow, Site site) {
        MetadataDao.HeadRow row = headRow.orElseThrow(() -> new StoreException(
                "site " + site.describe() + " has no head row in shard '" + site.shard() + "'"));
        Optional<BlockPtr> block = row.blockNumber() == null ? Optional.empty()
                : Optional.of(new BlockPtr(row.blockNumber(), row.blockHash() == null ? new byte[0] : row.blockHash()));
        return new Head(block, row.entityCount(), row.earliestBlockNumber());
    }

    /**
     * Runs {@code work} in one transaction on the site's shard. Entity tables grow from empty,
     * so a generic plan cached while a table was tiny (a sequential scan) would stick; the
     * transaction plans every statement for its actual parameters instead.
     */
    static <T> T inShard(ShardPool pool, Site site, org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return pool.jdbi().inTransaction(h -> {
                h.execute("set local plan_cache_mode = force_custom_plan");
                return work.withHandle(h);
            });
        } catch (JdbiException e) {
            RuntimeException t = pool.translate(e);
            if (t instanceof ShardUnavailableException) {
                throw t;
            }
            throw new StoreException("accessing " + site.describe() + " in shard '" + site.shard() + "' failed: " + firstLine(e), e);
        }
    }

    private static String firstLine(Throwable e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Reverts the entity tables of {@code site} to {@code block} inside the caller's
     * transaction, without touching the head; returns the change in the entity count. The
     * copy engine's replay uses it on a follower.
     */
    public static long revertRows(Handle h, Site site, Layout layout, int block) {
        return new EntityWriter(layout, site.namespace()).revert(h, block);
    }

    static void dropNamespace(Handle h, Site site) {
        h.execute("drop schema if exists " + Sql.ident(site.namespace().value()) + " cascade");
    }
}
