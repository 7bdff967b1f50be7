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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Runs one copy to its end: takes a slot, copies every table in vid batches (resuming from
 * {@code copy_table_state}; one table at a time) into tables that have only their primary key,
 * builds each table's secondary indexes on the other workers as soon as it is loaded (see
 * {@code StoreOptions.copyWorkers}; building an index over loaded rows is several times faster
 * than maintaining it row by row), sets the copy's head to the target block, replays the source until
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
    /** How many btree builds over the same rows one gist build is taken to cost, to order builds. */
    static final int GIST_COST = 8;

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
     * Copies every unfinished table, up to {@code copyWorkers} jobs at a time (see
     * {@link BulkJobs}): the tables to load, one at a time and largest first, and, as soon as a
     * table's last batch is in, one job per secondary index of it, which the other workers build
     * while the next table loads (the table is analyzed after its last index). Tables an earlier
     * run loaded get their index jobs at once ({@code if not exists}: no-ops for the indexes they
     * have). Then sets the copy's head to the target block. False when stopped or cancelled
     * between batches; the first failure of any job stops the others after their current batch
     * and is rethrown.
     */
    private boolean bulk(ShardPool dest, Site src, Layout layout, CopyDao.State state) {
        List<CopyDao.TableState> tables = dest.jdbi().withExtension(CopyDao.class, d -> d.tables(dst.id().value()));
        long total = tables.stream().mapToLong(CopyDao.TableState::rowsExpected).sum();
        AtomicLong done = new AtomicLong(tables.stream().mapToLong(CopyDao.TableState::rowsDone).sum());
        Transport transport = Transport.of(state.transport());
        AtomicBoolean halt = new AtomicBoolean();
        BulkJobs jobs = new BulkJobs();
        tables.stream().filter(t -> !t.done())
                .sorted(Comparator.comparingLong((CopyDao.TableState t) -> t.targetVid() - t.nextVid()).reversed())
                .forEach(t -> jobs.load(() -> {
                    EntityTable table = layout.require(t.entityType());
                    if (copyTable(dest, src, table, t, state, transport, halt, done, total)) {
                        indexJobs(dest, table, t.rowsExpected(), jobs, done, total);
                    } else {
                        halt.set(true);
                        jobs.wake();
                    }
                }));
        tables.stream().filter(CopyDao.TableState::done)
                .forEach(t -> indexJobs(dest, layout.require(t.entityType()), t.rowsExpected(), jobs, done, total));
        if (!inParallel(dest, jobs, halt)) {
            return false;
        }
        // the entity count grew batch by batch (countEntities); now the copy is at its target block
        dest.jdbi().useHandle(h -> h.createUpdate("update subgraphs.head set block_number = :n, block_hash = :hash"
                        + " where id = :id and block_number is null")
                .bind("n", state.targetBlockNumber()).bind("hash", state.targetBlockHash())
                .bind("id", dst.id().value()).execute());
        return true;
    }

    /**
     * One build job per secondary index of a loaded table of {@code rows} rows, each its own
     * transaction (a killed copy keeps what it built); the job that builds the last one analyzes
     * the table. A gist index counts as {@link #GIST_COST} btree indexes: it is built by one
     * process, where PostgreSQL gives a btree build parallel workers, and costs several times
     * more per row, so the gist indexes of a large table start among the first and do not end
     * the copy alone. A build that starts while a table loads or other jobs wait runs without
     * parallel workers ({@code max_parallel_maintenance_workers = 0}): the copy's workers already
     * keep the destination's cores busy, and a parallel build does more work in all (each worker
     * sorts its share, the leader merges them); on the copy benchmark's 2 cores that cost the
     * copy some 5 s of 55. The last builds, with nothing waiting, get the server's setting.
     */
    private void indexJobs(ShardPool dest, EntityTable table, long rows, BulkJobs jobs, AtomicLong done, long total) {
        List<String> ddls = table.indexStatements(dst.namespace());
        AtomicInteger left = new AtomicInteger(ddls.size());
        Runnable analyze = () -> dest.jdbi().useHandle(h -> h.execute("analyze " + table.qualifiedName(dst.namespace())));
        if (ddls.isEmpty()) {
            jobs.build(rows, analyze);
            return;
        }
        for (String ddl : ddls) {
            jobs.build(ddl.contains(" using gist ") ? rows * GIST_COST : rows, () -> {
                synchronized (progress) {
                    progress.accept(new Progress(done.get(), total, "indexing " + table.entityType()));
                }
                boolean crowded = jobs.crowded();
                dest.jdbi().useTransaction(h -> {
                    if (crowded) {
                        h.execute("set local max_parallel_maintenance_workers = 0");
                    }
                    h.execute(ddl);
                });
                if (left.decrementAndGet() == 0) {
                    analyze.run();
                }
            });
        }
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
                countEntities(h, table, from, to, copied);
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
     * Runs the jobs, and those they add, on up to {@code copyWorkers} threads: this one, and one
     * more for every permit of the destination's {@link ShardPool#extraCopyWorkers} it gets
     * (released when done). The first failure sets {@code halt} (so the others stop at their next
     * check) and is rethrown once all have returned; true when every job ran.
     */
    private boolean inParallel(ShardPool dest, BulkJobs jobs, AtomicBoolean halt) {
        int wanted = Math.max(1, store.options().copyWorkers());
        int extra = 0;
        while (extra < wanted - 1 && dest.extraCopyWorkers().tryAcquire()) {
            extra++;
        }
        try {
            return inParallel(jobs, halt, 1 + extra);
        } finally {
            dest.extraCopyWorkers().release(extra);
        }
    }

    private boolean inParallel(BulkJobs jobs, AtomicBoolean halt, int workers) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                jobs.work(halt);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                halt.set(true);
                jobs.wake();
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
        return jobs.isEmpty() && !halt.get();
    }

    /**
     * Adds the batch's current versions to the copy's entity count, in the batch's transaction,
     * so the count grows as batches land and a resumed copy counts nothing twice. Every copied
     * version of an immutable table is current, so its count is the rows the batch copied.
     */
    private void countEntities(Handle h, EntityTable table, long from, long to, long copied) {
        long open = table.immutable() ? copied : openVersions(h, table, from, to);
        h.createUpdate("update subgraphs.head set entity_count = entity_count + :n where id = :id")
                .bind("n", open).bind("id", dst.id().value()).execute();
    }

    /**
     * The open versions of a mutable table in the batch's vid range, read through the primary
     * key (a table being loaded has no statistics yet, and a sequential scan per batch would
     * read the whole table every time).
     */
    private long openVersions(Handle h, EntityTable table, long from, long to) {
        h.execute("set local enable_seqscan = off");
        long open = h.createQuery("select count(*) from " + table.qualifiedName(dst.namespace())
                        + " where vid >= :from and vid < :to and " + table.isCurrent())
                .bind("from", from).bind("to", to).mapTo(Long.class).one();
        h.execute("set local enable_seqscan = on");
        return open;
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
