package io.graphstore.store.rebalance;

import io.graphstore.common.NodeId;
import io.graphstore.common.StoreException;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.copy.Activator;
import io.graphstore.store.copy.CopyDao;
import io.graphstore.store.copy.CopyRunner;
import io.graphstore.store.copy.CopySlots;
import io.graphstore.store.copy.CopyState;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.domain.Site;
import io.graphstore.store.pool.Failures;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.primary.AssignmentDao;
import io.graphstore.store.primary.SiteDao;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Drives queued moves to their end, {@code jobs} at a time: creates each move's copy with
 * {@code --replace} (or adopts the one a killed run created), runs it here, and records the
 * outcome. A copy waits for a free slot of its shard pair (five run at once) or for the node
 * that runs it already. Everything a move does is recorded before and after it happens, so
 * a run that is killed, or stopped, is continued by driving the open moves again.
 * One driver runs at a time (an advisory lock in the primary, see {@link #tryLock}).
 */
public final class MoveDriver {
    /** How often a move that waits for a slot or another runner is tried again. */
    static final Duration RETRY = Duration.ofSeconds(1);
    /** Advisory lock class of "a rebalance or drain drives moves". */
    static final int LOCK_KEY = 0x67730020;

    /** What the driver tells as it goes; called from its worker threads. */
    public interface Listener {
        default void started(ShardMove move, Site copy, boolean adopted) {
        }

        default void progress(ShardMove move, CopyRunner.Progress progress) {
        }

        default void waiting(ShardMove move, String why) {
        }

        /** The move ended this run: done, stopped, failed, or left open by a stop of this process. */
        default void ended(ShardMove move, ShardMove.State state, String detail) {
        }
    }

    /** How a run of the driver ended. */
    public record Summary(int done, int stopped, int failed, int left) {
    }

    private enum Step { DONE, STOPPED, FAILED, WAIT, LEFT }

    private final ShardedStore store;
    private final MoveLog log;
    private final BooleanSupplier stop;
    private final Listener listener;

    public MoveDriver(ShardedStore store, BooleanSupplier stop, Listener listener) {
        this.store = store;
        this.log = new MoveLog(store.directory());
        this.stop = stop;
        this.listener = listener;
    }

    /** The right to drive moves: held until closed, or until this process dies. */
    public static final class Lock implements AutoCloseable {
        private final Connection connection;

        private Lock(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (connection) {
                try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock_all()")) {
                    ps.execute();
                }
            } catch (SQLException e) {
                // the session ends with the connection, and its lock with it
            }
        }
    }

    /**
     * Takes the driver lock for {@code who} ("shard drain shard_a"); a failure naming the process
     * that holds it otherwise.
     */
    public static Lock tryLock(ShardedStore store, String who) {
        ShardPool primary = store.primary();
        String name = ("graph-store " + who + " pid " + ProcessHandle.current().pid());
        Connection c = primary.openDirect(Duration.ZERO, name.substring(0, Math.min(63, name.length())));
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?, 0)")) {
            ps.setInt(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new Lock(c);
                }
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw primary.unavailable(e);
        }
        closeQuietly(c);
        String holder = primary.jdbi().withHandle(h -> h.createQuery("""
                select a.application_name || ' since ' || to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ')
                  from pg_locks l join pg_stat_activity a on a.pid = l.pid
                 where l.locktype = 'advisory' and l.classid = :key and l.objid = 0 and l.objsubid = 2 and l.granted""")
                .bind("key", LOCK_KEY).mapTo(String.class).findFirst()).orElse("another process");
        throw new StoreException("moves are being driven already (" + holder + "); one rebalance or drain runs at a"
                + " time: watch it with 'graphman shard rebalance --status' and run this again when it has ended");
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // nothing more to do
        }
    }

    /** Drives {@code moves} until each has ended or this process is asked to stop. */
    public Summary drive(List<ShardMove> moves, int jobs) {
        ConcurrentLinkedDeque<ShardMove> pending = new ConcurrentLinkedDeque<>(moves);
        AtomicInteger[] counts = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, moves.size())), r -> {
            Thread t = new Thread(r, "shard-move");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < Math.max(1, Math.min(jobs, moves.size())); i++) {
                workers.add(pool.submit(() -> work(pending, counts)));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreException(e.getCause().getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        return new Summary(counts[0].get(), counts[1].get(), counts[2].get(), counts[3].get() + pending.size());
    }

    private void work(ConcurrentLinkedDeque<ShardMove> pending, AtomicInteger[] counts) {
        while (!stop.getAsBoolean()) {
            ShardMove move = pending.pollFirst();
            if (move == null) {
                return;
            }
            Step step = step(move);
            switch (step) {
                case DONE -> counts[0].incrementAndGet();
                case STOPPED -> counts[1].incrementAndGet();
                case FAILED -> counts[2].incrementAndGet();
                case LEFT -> counts[3].incrementAndGet();
                case WAIT -> {
                    pending.addLast(move);
                    pause();
                }
                default -> throw new IllegalStateException(step.name());
            }
        }
    }

    private void pause() {
        long until = System.nanoTime() + RETRY.toNanos();
        while (!stop.getAsBoolean() && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Step step(ShardMove queued) {
        ShardMove move = log.byId(queued.id()).orElse(queued);
        if (!move.state().open()) {
            // stopped by 'rebalance --stop', or ended by another run
            listener.ended(move, move.state(), move.error().orElse(""));
            return move.state() == ShardMove.State.DONE ? Step.DONE : Step.STOPPED;
        }
        try {
            return advance(move);
        } catch (RuntimeException e) {
            String error = Failures.describe(e).orElseGet(() -> Optional.ofNullable(e.getMessage())
                    .orElse(e.getClass().getSimpleName()));
            try {
                log.failed(move.id(), error);
            } catch (RuntimeException unrecorded) {
                // the primary is down too: the move stays as it was, and the next run continues it
            }
            listener.ended(move, ShardMove.State.FAILED, error);
            return Step.FAILED;
        }
    }

    private Step advance(ShardMove move) {
        Optional<Site> active = store.directory().activeSite(move.deployment());
        if (active.isEmpty()) {
            return stopped(move, "the deployment no longer exists");
        }
        if (active.get().shard().equals(move.to())) {
            return finish(move, active.get());
        }
        if (!active.get().shard().equals(move.from())) {
            return stopped(move, "its active copy is in shard '" + active.get().shard() + "' now, moved by something"
                    + " else");
        }
        if (!log.claim(move.id())) {
            return stopped(move, "stopped before it started");
        }
        boolean[] adopted = {false};
        Site copy = copyFor(move, active.get(), adopted);
        log.created(move.id(), copy.id().value());
        listener.started(move, copy, adopted[0]);
        CopyRunner.Outcome outcome = new CopyRunner(store, copy, stop, p -> listener.progress(move, p)).run();
        switch (outcome) {
            case FINISHED -> {
                Site now = store.directory().site(copy.id()).orElseThrow(() -> new StoreException("the copy "
                        + copy.describe() + " of move " + move.id() + " is no longer in the directory"));
                if (!now.active()) {
                    // a copy created without --replace that a killed run adopted: switch to it now
                    Activator.activate(store, now, true);
                }
                return finish(move, store.directory().site(copy.id()).orElse(now));
            }
            case QUEUED -> {
                listener.waiting(move, "all " + CopySlots.SLOTS + " copy slots from " + move.from() + " to " + move.to()
                        + " are taken");
                return Step.WAIT;
            }
            case ALREADY_RUNNING -> {
                listener.waiting(move, "its copy runs in " + CopySlots.holder(store.primary(), copy.id().value())
                        .orElse("another process"));
                return Step.WAIT;
            }
            case CANCELLED -> {
                return stopped(move, "its copy " + copy.namespace() + " was cancelled");
            }
            case STOPPED -> {
                listener.ended(move, ShardMove.State.COPYING, "stopped here; the next run continues it");
                return Step.LEFT;
            }
            default -> throw new IllegalStateException(outcome.name());
        }
    }

    /** The move's copy: the one it recorded, one a killed run created, or a new one. */
    private Site copyFor(ShardMove move, Site active, boolean[] adopted) {
        Optional<Site> there = store.directory().sites(move.deployment()).stream()
                .filter(s -> s.shard().equals(move.to())).findFirst();
        if (there.isPresent()) {
            Site site = there.get();
            ShardPool dest = store.require(move.to());
            Optional<CopyDao.State> state = dest.jdbi().withExtension(CopyDao.class, d -> d.state(site.id().value()));
            if (state.isEmpty()) {
                boolean hasData = dest.jdbi().withHandle(h -> h.createQuery(
                        "select exists (select 1 from pg_namespace where nspname = :ns)")
                        .bind("ns", site.namespace().value()).mapTo(Boolean.class).one());
                if (hasData) {
                    throw new StoreException("shard '" + move.to() + "' holds " + site.describe() + ", an older copy"
                            + " of the deployment that is not a copy in progress; remove it ('graphman unused record',"
                            + " then 'graphman unused remove') and run this again");
                }
                // a run killed between recording the site and creating its tables: start over
                store.directory().write(h -> {
                    h.execute("delete from public.active_copies where dst = ?", site.id().value());
                    return h.attach(SiteDao.class).delete(site.id().value());
                });
            } else if (state.get().copyState() == CopyState.CANCELLED) {
                throw new StoreException("shard '" + move.to() + "' holds " + site.describe() + ", a cancelled copy of"
                        + " the deployment; remove it ('graphman unused record', then 'graphman unused remove') and"
                        + " run this again");
            } else {
                if (state.get().finishedAt() == null && store.directory().assignment(site.id()).isEmpty()) {
                    // killed between creating the copy and assigning it
                    store.directory().write(h -> {
                        h.attach(AssignmentDao.class).assign(site.id().value(), state.get().nodeId());
                        return null;
                    });
                }
                adopted[0] = true;
                return site;
            }
        }
        return new CopyAdmin(store).create(active.namespace().value(), move.to(), NodeId.of(move.node()), 0,
                CopyAdmin.OnSync.REPLACE, Transport.COPY);
    }

    /** The deployment is active in the move's target: the old copy is unassigned, the move done. */
    private Step finish(ShardMove move, Site now) {
        store.directory().write(h -> {
            AssignmentDao assignments = h.attach(AssignmentDao.class);
            assignments.unassign(move.src());
            if (move.unassignAfter()) {
                assignments.unassign(now.id().value());
            }
            return null;
        });
        log.done(move.id());
        listener.ended(move, ShardMove.State.DONE, now.namespace() + " in " + now.shard() + " is active");
        return Step.DONE;
    }

    private Step stopped(ShardMove move, String why) {
        log.stopped(move.id(), why);
        listener.ended(move, ShardMove.State.STOPPED, why);
        return Step.STOPPED;
    }
}
