package io.graphstore.store.admin;

import io.graphstore.common.BadInputException;
import io.graphstore.common.ShardName;
import io.graphstore.common.StoreException;
import io.graphstore.config.ChainConfig;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.chain.BlockTable;
import io.graphstore.store.chain.ChainIngest;
import io.graphstore.store.chain.ChainMover;
import io.graphstore.store.domain.ChainNamespace;
import io.graphstore.store.domain.Site;
import io.graphstore.store.pool.LongStatements;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.primary.ChainDao;
import io.graphstore.store.primary.ChainMoveDao;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;

/**
 * Chains for {@code graphman chain}: list and info read the directory (primary, or a mirror
 * while it is down) and each chain's namespace in its shard; change-shard hands out a
 * {@link ChainMover}; remove drops a chain no deployment uses, namespace first, then its row.
 */
public final class ChainAdmin {
    private final ShardedStore store;

    public ChainAdmin(ShardedStore store) {
        this.store = store;
    }

    /** Every chain with its block statistics. */
    public List<ChainDetails> list() {
        return store.directory().chains().stream().map(c -> details(c, false)).toList();
    }

    public ChainDetails info(String name) {
        return details(chain(name), true);
    }

    /** The writer {@code dev index} gives the synthetic indexer for the site's network. */
    public ChainIngest ingest(Site site) {
        return new ChainIngest(store, site.network());
    }

    /** A move of {@code name} to {@code shard}; bad input (unknown chain or shard) before anything is written. */
    public ChainMover changeShard(String name, ShardName shard, int batch) {
        chain(name);
        store.require(shard);
        return new ChainMover(store, name, shard, batch);
    }

    /** What {@link #remove} dropped: the namespaces, as {@code chainN in shard}. */
    public record Removed(String chain, List<String> dropped) {
    }

    /**
     * Removes a chain no deployment copy uses (bad input otherwise): drops its namespace (and a
     * move's partial copy), then deletes its row, in one primary transaction that holds the
     * directory's sites in share mode so no deploy on the network slips in meanwhile. Running it
     * again after a failure finishes it.
     */
    public Removed remove(String name) {
        chain(name);
        return store.directory().write(h -> {
            h.execute("lock table public.deployment_schemas in share mode");
            ChainDao chains = h.attach(ChainDao.class);
            ChainDao.Chain c = chains.lock(name).orElseThrow(() -> unknown(name));
            List<String> users = chains.deploymentsOn(name);
            if (!users.isEmpty()) {
                throw new BadInputException("chain '" + name + "' is used by " + users.size() + " deployment cop"
                        + (users.size() == 1 ? "y" : "ies") + " (" + String.join(", ", users.stream().limit(10).toList())
                        + (users.size() > 10 ? ", ..." : "") + "); remove them first (unassign them, then"
                        + " 'graphman unused record' and 'graphman unused remove')");
            }
            List<String> dropped = new ArrayList<>();
            Optional<ChainMoveDao.Move> move = h.attach(ChainMoveDao.class).byChain(c.id());
            move.ifPresent(m -> dropped.add(drop(name, m.switched() ? m.srcShard() : m.dstShard(), m.namespace())));
            dropped.add(drop(name, c.shard(), c.namespace()));
            chains.delete(c.id());
            return new Removed(name, dropped);
        });
    }

    private String drop(String chain, String shard, String namespace) {
        ShardPool pool = store.require(ShardName.of(shard));
        BlockTable table = new BlockTable(new ChainNamespace(namespace));
        inShard(pool, chain, () -> pool.jdbi().useTransaction(table::drop));
        return namespace + " in " + shard;
    }

    private ChainDao.Chain chain(String name) {
        return store.directory().chains().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> unknown(name));
    }

    private BadInputException unknown(String name) {
        List<String> known = store.directory().chains().stream().map(ChainDao.Chain::name).toList();
        return new BadInputException("chain " + io.graphstore.common.Echo.quoted(name) + " does not exist (known: "
                + (known.isEmpty() ? "none" : io.graphstore.common.Echo.list(known))
                + "); see 'graphman chain list'");
    }

    private ChainDetails details(ChainDao.Chain c, boolean full) {
        Optional<BlockTable.Stats> stats = Optional.empty();
        Optional<String> problem = Optional.empty();
        try {
            ShardPool pool = store.pool(ShardName.of(c.shard())).orElseThrow(() -> new StoreException("shard '"
                    + c.shard() + "' is not used by this node (pool_size 0 or not configured)"));
            BlockTable table = new BlockTable(new ChainNamespace(c.namespace()));
            stats = Optional.of(inShard(pool, c.name(), () -> LongStatements.allow(
                    () -> pool.jdbi().inTransaction(table::stats))));
        } catch (StoreException e) {
            problem = Optional.of(e.getMessage());
        }
        Optional<ChainMoveDao.Move> move = Optional.empty();
        List<String> users = List.of();
        if (full) {
            move = moveOf(c);
            users = readPrimary(h -> h.attach(ChainDao.class).deploymentsOn(c.name())).orElse(List.of());
        }
        Optional<String> configShard = store.config().chains().chain(c.name()).map(ChainConfig::shard)
                .map(ShardName::value);
        return new ChainDetails(c.name(), c.shard(), c.namespace(), c.head(), c.headHash(),
                stats.map(BlockTable.Stats::blocks), stats.flatMap(BlockTable.Stats::earliest),
                stats.flatMap(BlockTable.Stats::latest), stats.map(BlockTable.Stats::bytes), configShard, users, move,
                problem);
    }

    /** The move under way; empty while the primary is down (the mirrors do not hold moves). */
    private Optional<ChainMoveDao.Move> moveOf(ChainDao.Chain c) {
        return readPrimary(h -> h.attach(ChainMoveDao.class).byChain(c.id())).flatMap(m -> m);
    }

    private <T> Optional<T> readPrimary(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return Optional.of(store.primary().jdbi().withHandle(work));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static <T> T inShard(ShardPool pool, String chain, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            RuntimeException t = pool.translate(e);
            if (t instanceof StoreException) {
                throw t;
            }
            throw new StoreException("chain '" + chain + "' in shard '" + pool.shard() + "': "
                    + io.graphstore.store.pool.Failures.describe(e).orElse(String.valueOf(e.getMessage())), e);
        }
    }

    private static void inShard(ShardPool pool, String chain, Runnable work) {
        inShard(pool, chain, () -> {
            work.run();
            return null;
        });
    }
}
