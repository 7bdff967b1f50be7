package io.graphstore.store.copy;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The jobs of a copy's bulk phase and the order its workers take them in: table loads in the
 * order added (largest first), one at a time, and index builds, the costliest first, so the
 * longest builds start early and the tail is short. One load stream keeps a source and a
 * destination backend busy; a second load beside it slowed both (measured on the copy
 * benchmark), while index builds of the tables already loaded use the other workers well. A
 * job adds the jobs that follow it (a load its table's builds) before it ends, so no job queued
 * and none running means the phase is over. Only the copy's own threads use it; nothing here
 * touches a database.
 */
final class BulkJobs {
    private record Build(long cost, long seq, Runnable job) {
    }

    private final Queue<Runnable> loads = new ArrayDeque<>();
    private final PriorityQueue<Build> builds = new PriorityQueue<>(
            Comparator.comparingLong(Build::cost).reversed().thenComparingLong(Build::seq));
    private boolean loading;
    private int running;
    private long seq;

    synchronized void load(Runnable job) {
        loads.add(job);
        notifyAll();
    }

    /** An index build; {@code cost} orders the builds (the rows it indexes, weighted by kind). */
    synchronized void build(long cost, Runnable job) {
        builds.add(new Build(cost, seq++, job));
        notifyAll();
    }

    /**
     * Whether a table is loading or a job waits for a worker: the copy's own workers keep the
     * destination busy, so a build that starts now gains nothing from parallel workers.
     */
    synchronized boolean crowded() {
        return !loads.isEmpty() || !builds.isEmpty() || loading;
    }

    synchronized boolean isEmpty() {
        return loads.isEmpty() && builds.isEmpty();
    }

    /**
     * Runs jobs until none is left and none runs, or {@code halt} is set; waits while a running
     * job may still add some.
     */
    void work(AtomicBoolean halt) {
        Optional<Runnable> job;
        while ((job = next(halt)).isPresent()) {
            job.get().run();
        }
    }

    private synchronized Optional<Runnable> next(AtomicBoolean halt) {
        while (!halt.get()) {
            if (!loads.isEmpty() && !loading) {
                Runnable load = loads.poll();
                loading = true;
                running++;
                return Optional.of(() -> finish(load, true));
            }
            if (!builds.isEmpty()) {
                Runnable build = builds.poll().job();
                running++;
                return Optional.of(() -> finish(build, false));
            }
            if (running == 0) {
                return Optional.empty();
            }
            try {
                wait(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                halt.set(true);
            }
        }
        return Optional.empty();
    }

    private void finish(Runnable job, boolean load) {
        try {
            job.run();
        } finally {
            synchronized (this) {
                running--;
                if (load) {
                    loading = false;
                }
                notifyAll();
            }
        }
    }

    /** Wakes waiting workers (after {@code halt} was set). */
    synchronized void wake() {
        notifyAll();
    }
}
