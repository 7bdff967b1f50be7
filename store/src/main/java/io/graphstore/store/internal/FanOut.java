package io.graphstore.store.internal;

import io.graphstore.common.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one task per item on a few threads at once and returns the results in item order: how
 * a command that reads several shards avoids paying each shard's first use (a login, the pool's
 * start, the setup stamp check) one after another. A failure is thrown as the sequential loop
 * would throw it: the first one in item order, after every task has ended.
 */
public final class FanOut {
    /** Tasks at once: a first use is mostly a login, CPU on both ends, so a few are enough. */
    public static final int PARALLELISM = 4;

    private FanOut() {
    }

    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        if (items.size() < 2) {
            return items.stream().map(work).toList();
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(PARALLELISM, items.size()), r -> {
            Thread t = new Thread(r, "graph-store-fan-out-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> running = new ArrayList<>();
            for (T item : items) {
                running.add(threads.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>();
            RuntimeException first = null;
            for (Future<R> f : running) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException re ? re
                                : new StoreException(String.valueOf(e.getCause().getMessage()), e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while reading the shards", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
