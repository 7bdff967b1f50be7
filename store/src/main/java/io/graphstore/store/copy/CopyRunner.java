package io.graphstore.store.copy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.StoreException;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.DeploymentId;
import io.graphstore.store.domain.Site;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.layout.Layout;
import io.graphstore.store.pool.ShardPool;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Runs one copy to its end: takes a slot, copies every table in vid batches (resuming from
 * {@code copy_table_state}), sets the copy's head to the target block, replays the source until
 * the copy has caught up, activates it when asked, and records it finished. Touches the
 * destination shard, the source shard (reads) and the primary.
 */
public final class CopyRunner {
    /** How a run ended. */
    public enum Outcome { FINISHED, QUEUED, CANCELLED, STOPPED, ALREADY_RUNNING }

    /** Rows done and to do over all tables, for a progress bar. */
    public record Progress(long done, long total, String table) {
    }

    static final long MIN_BATCH = 100;
    static final long FIRST_BATCH = 20_000;
    static final int MAX_ROUNDS = 1_000;

    private final ShardedStore store;
    private final Site dst;
    private final BooleanSupplier stop;
    private final Consumer<Progress> progress;

    public CopyRunner(ShardedStore store, Site dst, BooleanSupplier stop, Consumer<Progress> progress) {
        this.store = store;
        this.dst = dst;
        this.stop = stop;
        this.progress = progress;
    }

    public Outcome run() {
        ShardPool dest = store.require(dst.shard());
        CopyDao.State state = dest.jdbi().withExtension(CopyDao.class, d -> d.state(dst.id().value()))
                .orElseThrow(() -> new BadInputException(dst.describe() + " is not a copy; see 'graphman copy list'"));
        if (state.finishedAt() != null) {
            return Outcome.FINISHED;
        }
        if (state.cancelledAt() != null) {
            return Outcome.CANCELLED;
        }
        Site src = store.directory().site(DeploymentId.of(state.src())).orElseThrow(() -> new StoreException(
                "the source sgd" + state.src() + " of " + dst.describe() + " no longer exists; cancel the copy"));
        var slot = CopySlots.tryAcquire(store.primary(), src.shard(), dst.shard());
        if (slot.isEmpty()) {
            return Outcome.QUEUED;
        }
        try (var held = slot.get()) {
            if (!CopySlots.tryLockRun(held, dst.id().value())) {
                return Outcome.ALREADY_RUNNING;
            }
            Layout layout = store.deployments().data(src).layout();
            dest.jdbi().useTransaction(h -> {
                h.attach(CopyDao.class).markStarted(dst.id().value());
                SourceMapping.ensure(h, src, layout);
            });
            if (!bulk(dest, src, layout, state)) {
                return cancelled(dest) ? Outcome.CANCELLED : Outcome.STOPPED;
            }
            for (int round = 0; round < MAX_ROUNDS; round++) {
                if (stop.getAsBoolean() || cancelled(dest)) {
                    return cancelled(dest) ? Outcome.CANCELLED : Outcome.STOPPED;
                }
                Replayer.Round r = dest.jdbi().inTransaction(h -> {
                    SourceMapping.ensure(h, src, layout);
                    return Replayer.round(h, dst, src, layout);
                });
                if (!r.changed()) {
                    break;
                }
            }
            if (state.onSync() != null) {
                Activator.activate(store, dst, "replace".equals(state.onSync()));
            }
            dest.jdbi().useTransaction(h -> {
                h.attach(CopyDao.class).markFinished(dst.id().value());
                SourceMapping.drop(h, src);
            });
            store.directory().write(h -> h.execute("delete from public.active_copies where dst = ?", dst.id().value()));
            return Outcome.FINISHED;
        }
    }

    /** Copies every unfinished table; false when stopped or cancelled between batches. */
    private boolean bulk(ShardPool dest, Site src, Layout layout, CopyDao.State state) {
        List<CopyDao.TableState> tables = dest.jdbi().withExtension(CopyDao.class, d -> d.tables(dst.id().value()));
        long total = tables.stream().mapToLong(t -> t.targetVid() + 1).sum();
        long done = tables.stream().mapToLong(t -> Math.min(t.nextVid(), t.targetVid() + 1)).sum();
        Transport transport = Transport.of(state.transport());
        for (CopyDao.TableState t : tables) {
            if (t.done()) {
                continue;
            }
            EntityTable table = layout.require(t.entityType());
            long next = t.nextVid();
            long size = Math.min(t.batchSize(), store.options().copyMaxBatch());
            while (true) {
                if (stop.getAsBoolean() || cancelled(dest)) {
                    return false;
                }
                long from = next;
                long to = Math.min(next + size, t.targetVid() + 1);
                boolean last = to > t.targetVid();
                long started = System.nanoTime();
                long batch = size;
                dest.jdbi().useTransaction(h -> {
                    copyBatch(h, src, table, from, to, state.targetBlockNumber(), transport);
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    h.attach(CopyDao.class).progress(dst.id().value(), t.entityType(), to, adapt(batch, started), ms, last);
                });
                done += to - from;
                progress.accept(new Progress(done, total, t.entityType()));
                size = adapt(size, started);
                next = to;
                if (last) {
                    break;
                }
            }
        }
        dest.jdbi().useTransaction(h -> {
            int open = 0;
            long entities = 0;
            for (EntityTable t : layout.tables()) {
                entities += h.createQuery("select count(*) from " + t.qualifiedName(dst.namespace())
                        + " where upper_inf(block_range)").mapTo(Long.class).one();
            }
            h.createUpdate("update subgraphs.head set block_number = :n, block_hash = :hash, entity_count = :count"
                            + " where id = :id and block_number is null")
                    .bind("n", state.targetBlockNumber()).bind("hash", state.targetBlockHash())
                    .bind("count", entities + open).bind("id", dst.id().value()).execute();
        });
        return true;
    }

    private void copyBatch(Handle h, Site src, EntityTable table, long from, long to, int target, Transport transport) {
        if (transport == Transport.FDW) {
            BatchCopier.viaFdw(h, src, dst, table, from, to, target);
            return;
        }
        try {
            BatchCopier.viaCopy(h, store.require(src.shard()), src, dst, table, from, to, target);
        } catch (SQLException e) {
            throw new StoreException("copying " + table.entityType() + " vids " + from + ".." + to + " from "
                    + src.describe() + " failed: " + e.getMessage(), e);
        }
    }

    /** The next batch size: scaled toward the target duration, at most doubling or halving. */
    long adapt(long size, long startedNanos) {
        double seconds = Math.max((System.nanoTime() - startedNanos) / 1e9, 0.001);
        double target = store.options().copyBatchTarget().toMillis() / 1000.0;
        double factor = Math.max(0.5, Math.min(2.0, target / seconds));
        long max = store.options().copyMaxBatch();
        return Math.max(Math.min(MIN_BATCH, max), Math.min(max, (long) (size * factor)));
    }

    private boolean cancelled(ShardPool dest) {
        return dest.jdbi().withExtension(CopyDao.class, d -> d.state(dst.id().value()))
                .map(s -> s.cancelledAt() != null).orElse(true);
    }
}
