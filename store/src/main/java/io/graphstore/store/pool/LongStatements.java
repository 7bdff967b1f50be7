package io.graphstore.store.pool;

import java.util.function.Supplier;

/**
 * Work whose statements may run longer than the statement timeout: bulk copy, index builds,
 * catch-up replay, rewinds, verify and removal. Connections taken from a {@link ShardPool}
 * inside {@link #allow} (and in threads started from there) have no socket read timeout; the
 * pool restores the timeout when they are returned. Everything else waits at most the
 * statement timeout for an answer.
 */
public final class LongStatements {
    private static final InheritableThreadLocal<Boolean> ALLOWED = new InheritableThreadLocal<>();

    private LongStatements() {
    }

    public static <T> T allow(Supplier<T> work) {
        Boolean before = ALLOWED.get();
        ALLOWED.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ALLOWED.remove();
            } else {
                ALLOWED.set(before);
            }
        }
    }

    public static void allow(Runnable work) {
        allow(() -> {
            work.run();
            return null;
        });
    }

    static boolean allowed() {
        return Boolean.TRUE.equals(ALLOWED.get());
    }
}
