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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Runs one copy to its end: takes a slot, copies every table in vid batches (resuming from
 * {@code copy_table_state}; several tables at once, see {@code StoreOptions.copyWorkers}) into
 * tables that have only their primary key, builds each table's secondary indexes as soon as it
 * is loaded (building an index over loaded rows is several times faster than maintaining it row
 * by row), sets the copy's head to the target block, replays the source until
 * the copy has caught up, activates it when asked, and records it finished. Touches the
 * destination shard, the source shard (reads) and the primary.
 */
public final class CopyRunner {
    /** How a run ended. */
    public enum Outcome { FINISHED, QUEUED, CANCELLED, STOPPED, ALREADY_RUNNING }

    /** Rows copied and to copy over all tables (real rows, not vids), for a progress bar. */
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

    /** Runs the copy; its statements (bulk batches, index builds, replay) have no read timeout. */
    public Outcome run() {
        Outcome outcome = io.graphstore.store.pool.LongStatements.allow(this::runCopy);
        if (outcome == Outcome.CANCELLED) {
            dropSourceMapping();
        }
        return outcome;
    }

    /** A cancelled copy reads its source no more: its foreign schema goes (a follower's stays). */
    private void dropSourceMapping() {
        ShardPool dest = store.require(dst.shard());
        dest.jdbi().withExtension(CopyDao.class, d -> d.state(dst.id().value())).ifPresent(s -> {
            boolean stillRead = dest.jdbi().withHandle(h -> h.createQuery("""
                    select exists (select 1 from subgraphs.follow_state f where f.src = :src and f.id <> :dst
                                      and not exists (select 1 from subgraphs.copy_state c
                                                       where c.dst = f.id and c.state = 'cancelled'))
                        or exists (select 1 from subgraphs.copy_state c where c.src = :src and c.dst <> :dst
                                      and c.state in ('queued', 'copying', 'catching_up'))""")
                    .bind("src", s.src()).bind("dst", dst.id().value()).mapTo(Boolean.class).one());
            if (!stillRead) {
                store.directory().site(DeploymentId.of(s.src()))
                        .ifPresent(src -> dest.jdbi().useTransaction(h -> SourceMapping.drop(h, src)));
            }
        });
    }

    private Outcome runCopy() {
        ShardPool dest = store.require(dst.shard());
        CopyDao.State state = dest.jdbi().withExtension(CopyDao.class, d -> d.state(dst.id().value()))
                .orElseThrow(() -> new BadInputException(dst.describe() + " is not a copy; see 'graphman copy list'"));
        if (state.copyState() == CopyState.FINISHED) {
            return Outcome.FINISHED;
        }
        if (state.copyState() == CopyState.CANCELLED) {
            return Outcome.CANCELLED;
        }
        Site src = store.directory().site(DeploymentId.of(state.src())).orElseThrow(() -> new StoreException(
                "the source sgd" + state.src() + " of " + dst.describe() + " no longer exists; cancel the copy"));
        // lock order: the copy's run lock, then a slot of the pair, then shard transactions
        var run = CopySlots.tryRun(store.primary(), dst.id().value(), "node " + store.node() + " pid "
                + ProcessHandle.current().pid());
        if (run.isEmpty()) {
            return Outcome.ALREADY_RUNNING;
        }
        try (var held = run.get()) {
            if (!held.trySlot(src.shard(), dst.shard())) {
                return Outcome.QUEUED;
            }
            Layout layout = store.deployments().data(src).layout();
            boolean started = dest.jdbi().inTransaction(h -> {
                SourceMapping.ensure(h, src, layout);
                return h.attach(CopyDao.class).markCopying(dst.id().value()) > 0
                        || state.copyState() == CopyState.CATCHING_UP;
            });
            if (!started) {
                return cancelled(dest) ? Outcome.CANCELLED : Outcome.STOPPED;
            }
            if (!bulk(dest, src, layout, state)) {
                return cancelled(dest) ? Outcome.CANCELLED : Outcome.STOPPED;
            }
            if (dest.jdbi().withExtension(CopyDao.class, d -> d.markCatchingUp(dst.id().value())) == 0) {
                return Outcome.CANCELLED;
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
            boolean finished = dest.jdbi().inTransaction(h -> {
                SourceMapping.drop(h, src);
                return h.attach(CopyDao.class).markFinished(dst.id().value()) > 0;
            });
            if (!finished) {
                return Outcome.CANCELLED;
            }
            store.directory().write(h -> h.execute("delete from public.active_copies where dst = ?", dst.id().value()));
            return Outcome.FINISHED;
        }
    }

    /**
     * Copies every unfinished table, up to {@code copyWorkers} tables at a time (largest first);
     * a worker builds a table's secondary indexes as soon as its last batch is in, while the
     * other tables still load. Then builds what a resumed copy still lacks and sets the copy's
     * head to the target block. False when stopped or cancelled between batches; the first
     * failure of any table stops the others after their current batch and is rethrown.
     */
    private boolean bulk(ShardPool dest, Site src, Layout layout, CopyDao.State state) {
        List<CopyDao.TableState> tables = dest.jdbi().withExtension(CopyDao.class, d -> d.tables(dst.id().value()));
        long total = tables.stream().mapToLong(CopyDao.TableState::rowsExpected).sum();
        AtomicLong done = new AtomicLong(tables.stream().mapToLong(CopyDao.TableState::rowsDone).sum());
        Transport transport = Transport.of(state.transport());
        List<CopyDao.TableState> todo = tables.stream().filter(t -> !t.done())
                .sorted(Comparator.comparingLong((CopyDao.TableState t) -> t.targetVid() - t.nextVid()).reversed())
                .toList();
        AtomicBoolean halt = new AtomicBoolean();
        Set<String> indexed = ConcurrentHashMap.newKeySet();
        boolean copied = inParallel(dest, todo, halt, t -> {
            EntityTable table = layout.require(t.entityType());
            if (copyTable(dest, src, table, t, state, transport, halt, done, total)) {
                buildIndexes(dest, table, done, total);
                indexed.add(table.entityType());
            } else {
                halt.set(true);
            }
        });
        if (!copied || halt.get()) {
            return false;
        }
        // tables a killed or stopped run finished copying but did not index (if not exists: no-ops otherwise)
        List<EntityTable> unindexed = layout.tables().stream().filter(t -> !indexed.contains(t.entityType())).toList();
        AtomicLong all = new AtomicLong(total);
        inParallel(dest, unindexed, new AtomicBoolean(), t -> buildIndexes(dest, t, all, total));
        // the entity count grew batch by batch (countEntities); now the copy is at its target block
        dest.jdbi().useHandle(h -> h.createUpdate("update subgraphs.head set block_number = :n, block_hash = :hash"
                        + " where id = :id and block_number is null")
                .bind("n", state.targetBlockNumber()).bind("hash", state.targetBlockHash())
                .bind("id", dst.id().value()).execute());
        return true;
    }

    /** Builds one table's secondary indexes over its loaded rows, then analyzes it; one transaction. */
    private void buildIndexes(ShardPool dest, EntityTable table, AtomicLong done, long total) {
        synchronized (progress) {
            progress.accept(new Progress(done.get(), total, "indexing " + table.entityType()));
        }
        dest.jdbi().useTransaction(h -> {
            for (String ddl : table.indexStatements(dst.namespace())) {
                h.execute(ddl);
            }
            h.execute("analyze " + table.qualifiedName(dst.namespace()));
        });
    }

    /** Copies one table batch by batch; false when stopped, cancelled or halted between batches. */
    private boolean copyTable(ShardPool dest, Site src, EntityTable table, CopyDao.TableState t, CopyDao.State state,
            Transport transport, AtomicBoolean halt, AtomicLong done, long total) {
        long next = t.nextVid();
        long size = Math.min(t.batchSize(), store.options().copyMaxBatch());
        while (true) {
            if (halt.get() || stop.getAsBoolean() || cancelled(dest)) {
                return false;
            }
            long from = next;
            long to = Math.min(next + size, t.targetVid() + 1);
            boolean last = to > t.targetVid();
            long started = System.nanoTime();
            long batch = size;
            long rows = dest.jdbi().inTransaction(h -> {
                long copied = copyBatch(h, src, table, from, to, state.targetBlockNumber(), transport);
                countEntities(h, table, from, to);
                long ms = (System.nanoTime() - started) / 1_000_000;
                h.attach(CopyDao.class).progress(dst.id().value(), t.entityType(), to, adapt(batch, started), ms, copied,
                        last);
                return copied;
            });
            synchronized (progress) {
                progress.accept(new Progress(done.addAndGet(rows), total, t.entityType()));
            }
            size = adapt(size, started);
            next = to;
            if (last) {
                return true;
            }
        }
    }

    /**
     * Runs {@code work} for every item on up to {@code copyWorkers} threads: this one, and one
     * more for every permit of the destination's {@link ShardPool#extraCopyWorkers} it gets
     * (released when done). The first failure sets {@code halt} (so the others stop at their
     * next check) and is rethrown once all have returned; true when every item ran.
     */
    private <T> boolean inParallel(ShardPool dest, List<T> items, AtomicBoolean halt, Consumer<T> work) {
        int wanted = Math.max(1, Math.min(store.options().copyWorkers(), items.size()));
        int extra = 0;
        while (extra < wanted - 1 && dest.extraCopyWorkers().tryAcquire()) {
            extra++;
        }
        try {
            return inParallel(items, halt, work, 1 + extra);
        } finally {
            dest.extraCopyWorkers().release(extra);
        }
    }

    private <T> boolean inParallel(List<T> items, AtomicBoolean halt, Consumer<T> work, int workers) {
        Queue<T> queue = new ConcurrentLinkedQueue<>(items);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            T item;
            while (!halt.get() && (item = queue.poll()) != null) {
                try {
                    work.accept(item);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    halt.set(true);
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            Thread thread = new Thread(worker, "copy-" + dst.namespace() + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        worker.run();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                halt.set(true);
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while copying " + dst.describe(), e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return queue.isEmpty() && !halt.get();
    }

    /**
     * Adds the batch's current versions to the copy's entity count, in the batch's transaction,
     * so the count grows as batches land and a resumed copy counts nothing twice. The vid range
     * is read through the primary key (a table being loaded has no statistics yet, and a
     * sequential scan per batch would read the whole table every time).
     */
    private void countEntities(Handle h, EntityTable table, long from, long to) {
        h.execute("set local enable_seqscan = off");
        long open = h.createQuery("select count(*) from " + table.qualifiedName(dst.namespace())
                        + " where vid >= :from and vid < :to and " + table.isCurrent())
                .bind("from", from).bind("to", to).mapTo(Long.class).one();
        h.execute("set local enable_seqscan = on");
        h.createUpdate("update subgraphs.head set entity_count = entity_count + :n where id = :id")
                .bind("n", open).bind("id", dst.id().value()).execute();
    }

    /** Copies one batch in the caller's transaction; the number of rows it copied. */
    private long copyBatch(Handle h, Site src, EntityTable table, long from, long to, int target, Transport transport) {
        if (transport == Transport.FDW) {
            return BatchCopier.viaFdw(h, src, dst, table, from, to, target);
        }
        try {
            return BatchCopier.viaCopy(h, store.require(src.shard()), src, dst, table, from, to, target);
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
                .map(s -> s.copyState() == CopyState.CANCELLED).orElse(true);
    }
}
