package io.graphstore.store.chain;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import io.graphstore.common.ShardName;
import io.graphstore.common.StoreException;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.ChainNamespace;
import io.graphstore.store.pool.LongStatements;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.primary.ChainDao;
import io.graphstore.store.primary.ChainMoveDao;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Moves a chain's block data to another shard ({@code graphman chain change-shard}):
 * <ol>
 * <li>records the move in {@code chain_moves} (primary) and creates the namespace, same
 *     name, in the destination;</li>
 * <li>copies the blocks in number ranges of {@code batch} blocks, each range one destination
 *     transaction, recording after it the next number to copy; a killed run resumes there
 *     (a range copied twice adds nothing: rows are keyed by hash);</li>
 * <li>verifies every range (row count and md5 over the rows on both sides), copying a range
 *     again when it differs;</li>
 * <li>in one primary transaction holding the chain's row (so {@link ChainIngest} waits):
 *     copies the blocks written since, checks the totals and the new ranges again, and points
 *     the directory at the destination ({@code switched});</li>
 * <li>drops the old namespace and deletes the move's row.</li>
 * </ol>
 * Invariant: the directory names the shard whose namespace holds every block; the other
 * namespace is a copy in progress or a leftover the move still drops.
 */
public final class ChainMover {
    public static final int DEFAULT_BATCH = 1000;

    private final ShardedStore store;
    private final String chain;
    private final ShardName target;
    private final int batch;
    private int batches;
    private int verified;
    private int repaired;
    private long copied;

    public ChainMover(ShardedStore store, String chain, ShardName target, int batch) {
        if (batch < 1) {
            throw new BadInputException("--batch-size " + batch + " is invalid; use 1 or more blocks");
        }
        this.store = store;
        this.chain = chain;
        this.target = target;
        this.batch = batch;
    }

    /** Runs (or resumes) the move; {@code stop} is asked before every batch. */
    public ChainMove run(BooleanSupplier stop, Consumer<ChainMove.Progress> progress) {
        ChainDao.Chain found = readPrimary(h -> h.attach(ChainDao.class).byName(chain))
                .orElseThrow(() -> unknownChain(store, chain));
        store.require(target);
        try (MoveLock lock = MoveLock.take(store.primary(), found.id(), chain)) {
            return LongStatements.allow(() -> runLocked(found.id(), stop, progress));
        }
    }

    /** Reads the primary itself: a move needs the directory as it is, never a mirror. */
    private <T> T readPrimary(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return store.primary().jdbi().withHandle(work);
        } catch (org.jdbi.v3.core.JdbiException e) {
            throw store.primary().translate(e);
        }
    }

    static BadInputException unknownChain(ShardedStore store, String chain) {
        return new BadInputException("chain " + Echo.quoted(chain) + " does not exist (known: "
                + Echo.list(store.directory().chains().stream().map(ChainDao.Chain::name).toList())
                + "); see 'graphman chain list'");
    }

    private ChainMove runLocked(int id, BooleanSupplier stop, Consumer<ChainMove.Progress> progress) {
        ChainDao.Chain c = readPrimary(h -> h.attach(ChainDao.class).byName(chain)).orElseThrow();
        Optional<ChainMoveDao.Move> under = readPrimary(h -> h.attach(ChainMoveDao.class).byChain(id));
        if (under.isPresent() && !under.get().dstShard().equals(target.value())) {
            ChainMoveDao.Move m = under.get();
            if (!m.switched() && target.value().equals(c.shard())) {
                return cancel(c, m);
            }
            throw new BadInputException("chain '" + chain + "' is being moved from shard '" + m.srcShard() + "' to '"
                    + m.dstShard() + "' (since " + m.startedAt().withNano(0) + "); finish that with 'graphman chain"
                    + " change-shard " + chain + " " + m.dstShard() + "'" + (m.switched() ? ""
                    : " or give it up with 'graphman chain change-shard " + chain + " " + m.srcShard() + "'"));
        }
        if (under.isEmpty()) {
            if (c.shard().equals(target.value())) {
                throw new BadInputException("chain '" + chain + "' is stored in shard '" + target
                        + "' already; name another shard to move it to");
            }
            store.require(ShardName.of(c.shard()));
            store.directory().write(h -> {
                h.attach(ChainMoveDao.class).start(id, c.shard(), target.value(), c.namespace());
                return null;
            });
            under = readPrimary(h -> h.attach(ChainMoveDao.class).byChain(id));
        }
        ChainMoveDao.Move move = under.orElseThrow();
        BlockTable table = new BlockTable(new ChainNamespace(move.namespace()));
        ShardPool src = store.require(ShardName.of(move.srcShard()));
        ShardPool dst = store.require(ShardName.of(move.dstShard()));
        if (!move.switched()) {
            Optional<ChainMove> stopped = copyAndSwitch(id, move, table, src, dst, stop, progress);
            if (stopped.isPresent()) {
                return stopped.get();
            }
        }
        Optional<String> problem = Optional.empty();
        try {
            ChainShard.inTransaction(src, chain, h -> {
                table.drop(h);
                return null;
            });
            store.directory().write(h -> h.attach(ChainMoveDao.class).finish(id));
        } catch (StoreException e) {
            problem = Optional.of("the old namespace " + move.namespace() + " in shard '" + move.srcShard()
                    + "' was not dropped: " + e.getMessage());
        }
        return result(problem.isEmpty() ? ChainMove.Outcome.MOVED : ChainMove.Outcome.OLD_NOT_DROPPED, move, table,
                dst, Optional.empty(), problem);
    }

    /** Copy, verify and switch; a result only when stopped. */
    private Optional<ChainMove> copyAndSwitch(int id, ChainMoveDao.Move move, BlockTable table, ShardPool src,
            ShardPool dst, BooleanSupplier stop, Consumer<ChainMove.Progress> progress) {
        ChainShard.inTransaction(dst, chain, h -> {
            table.create(h);
            return null;
        });
        BlockTable.Stats before = ChainShard.inTransaction(src, chain, table::stats);
        long first = before.earliest().orElse(0L);
        long end = before.latest().orElse(-1L);
        long next = Math.max(move.next().orElse(first), first);
        while (next <= end) {
            if (stop.getAsBoolean()) {
                return Optional.of(result(ChainMove.Outcome.STOPPED, move, table, dst, Optional.of(next), Optional.empty()));
            }
            long to = Math.min(end, next + batch - 1);
            copy(table, src, dst, next, to);
            long done = to + 1;
            store.directory().write(h -> h.attach(ChainMoveDao.class).progress(id, done));
            progress.accept(new ChainMove.Progress("copy", done - first, end - first + 1));
            next = done;
        }
        for (long from = first; from <= end; from += batch) {
            if (stop.getAsBoolean()) {
                return Optional.of(result(ChainMove.Outcome.STOPPED, move, table, dst, Optional.of(end + 1),
                        Optional.empty()));
            }
            verify(table, src, dst, from, Math.min(end, from + batch - 1));
            progress.accept(new ChainMove.Progress("verify", Math.min(end, from + batch - 1) - first + 1, end - first + 1));
        }
        long verifiedUpTo = end;
        store.directory().write(h -> {
            ChainDao chains = h.attach(ChainDao.class);
            ChainDao.Chain locked = chains.lock(chain).orElseThrow();
            if (!locked.shard().equals(move.srcShard())) {
                throw new StoreException("chain '" + chain + "' is recorded in shard '" + locked.shard()
                        + "', not in '" + move.srcShard() + "' where its move began; nothing was switched");
            }
            long latest = ChainShard.inTransaction(src, chain, table::latest).orElse(-1L);
            for (long from = verifiedUpTo + 1; from <= latest; from += batch) {
                long to = Math.min(latest, from + batch - 1);
                copy(table, src, dst, from, to);
                verify(table, src, dst, from, to);
            }
            BlockTable.Stats inSrc = ChainShard.inTransaction(src, chain, table::stats);
            if (inSrc.blocks() != ChainShard.inTransaction(dst, chain, table::stats).blocks()) {
                // a block was added below the copied ranges meanwhile (a fork): check them all again
                for (long from = Math.min(first, inSrc.earliest().orElse(first)); from <= latest; from += batch) {
                    verify(table, src, dst, from, Math.min(latest, from + batch - 1));
                }
                long inDst = ChainShard.inTransaction(dst, chain, table::stats).blocks();
                if (inSrc.blocks() != inDst) {
                    throw new StoreException("chain '" + chain + "': shard '" + src.shard() + "' holds " + inSrc.blocks()
                            + " blocks, '" + dst.shard() + "' " + inDst + " after verifying every range; nothing was"
                            + " switched, run the command again");
                }
            }
            chains.place(locked.id(), move.dstShard(), move.namespace());
            h.attach(ChainMoveDao.class).switched(id);
            return null;
        });
        return Optional.empty();
    }

    private void copy(BlockTable table, ShardPool src, ShardPool dst, long from, long to) {
        var rows = ChainShard.inTransaction(src, chain, h -> table.read(h, from, to));
        copied += ChainShard.inTransaction(dst, chain, h -> table.insert(h, rows));
        batches++;
    }

    /** Compares one range; copies it again when it differs, and fails when it still does. */
    private void verify(BlockTable table, ShardPool src, ShardPool dst, long from, long to) {
        verified++;
        BlockTable.Digest want = ChainShard.inTransaction(src, chain, h -> table.digest(h, from, to));
        if (want.equals(ChainShard.inTransaction(dst, chain, h -> table.digest(h, from, to)))) {
            return;
        }
        repaired++;
        ChainShard.inTransaction(dst, chain, h -> table.delete(h, from, to));
        copy(table, src, dst, from, to);
        BlockTable.Digest got = ChainShard.inTransaction(dst, chain, h -> table.digest(h, from, to));
        if (!want.equals(got)) {
            throw new StoreException("chain '" + chain + "': blocks " + from + " to " + to + " differ between shard '"
                    + src.shard() + "' (" + want.blocks() + " blocks, md5 " + want.md5() + ") and '" + dst.shard()
                    + "' (" + got.blocks() + ", md5 " + got.md5() + ") after copying them again; nothing was switched,"
                    + " run the command again");
        }
    }

    /** Gives up a move that has not switched: drops the partial copy, keeps the chain where it is. */
    private ChainMove cancel(ChainDao.Chain c, ChainMoveDao.Move m) {
        BlockTable table = new BlockTable(new ChainNamespace(m.namespace()));
        ShardPool dst = store.require(ShardName.of(m.dstShard()));
        ChainShard.inTransaction(dst, chain, h -> {
            table.drop(h);
            return null;
        });
        store.directory().write(h -> h.attach(ChainMoveDao.class).finish(c.id()));
        ShardPool src = store.require(ShardName.of(c.shard()));
        return result(ChainMove.Outcome.CANCELLED, new ChainMoveDao.Move(c.id(), m.dstShard(), c.shard(), m.namespace(),
                "copying", null, m.startedAt(), null), table, src, Optional.empty(), Optional.empty());
    }

    private ChainMove result(ChainMove.Outcome outcome, ChainMoveDao.Move move, BlockTable table, ShardPool where,
            Optional<Long> next, Optional<String> problem) {
        BlockTable.Stats s = ChainShard.inTransaction(where, chain, table::stats);
        return new ChainMove(outcome, chain, move.srcShard(), move.dstShard(), move.namespace(), s.blocks(),
                s.earliest(), s.latest(), copied, batches, verified, repaired, next, problem);
    }
}
