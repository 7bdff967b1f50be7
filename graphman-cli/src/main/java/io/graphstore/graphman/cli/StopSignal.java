package io.graphstore.graphman.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/**
 * Ctrl-C and SIGTERM for a long command (a copy, a chain move, a drain): the signal asks the
 * work to stop after its current step, waits up to a minute for it to return, and ends the
 * process with the exit code the work returned, not the signal's.
 */
public final class StopSignal {
    /** How long a signal waits for the current step (batches aim at about a second). */
    private static final long WAIT_SECONDS = 60;

    private StopSignal() {
    }

    /** Runs {@code work}, which asks the supplier between steps whether to stop. */
    public static int run(String threadName, ToIntFunction<BooleanSupplier> work) {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger exit = new AtomicInteger(-1);
        CountDownLatch returned = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                if (returned.await(WAIT_SECONDS, TimeUnit.SECONDS) && exit.get() >= 0) {
                    // the JVM would end with 128 + the signal; the work's own code says more
                    Runtime.getRuntime().halt(exit.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threadName);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            exit.set(work.applyAsInt(stop::get));
            return exit.get();
        } finally {
            returned.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: it waited for 'returned'
            }
        }
    }
}
