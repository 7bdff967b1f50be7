package io.graphstore.store.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition instead of sleeping a fixed time: loaded machines are slow. */
public final class Await {
    private Await() {
    }

    /** Polls {@code condition} every 50 ms until it holds; fails after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** {@link #until(String, Duration, BooleanSupplier)} with 60 s. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofSeconds(60), condition);
    }
}
