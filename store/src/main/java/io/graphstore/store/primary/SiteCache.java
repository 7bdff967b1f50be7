package io.graphstore.store.primary;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Directory lookups remembered in the process. Serves from memory only while the change
 * listener is connected (otherwise another process's change could go unseen); every
 * invalidation bumps a generation so a lookup that raced with a change is not stored.
 */
final class SiteCache {
    private final Map<String, Object> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> loader) {
        if (!listening) {
            return loader.get();
        }
        Object hit = entries.get(key);
        if (hit != null) {
            return (T) hit;
        }
        long before = generation.get();
        T value = loader.get();
        if (value != null && generation.get() == before && listening) {
            entries.put(key, value);
        }
        return value;
    }

    void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }

    void listening(boolean on) {
        invalidate();
        listening = on;
    }

    boolean isListening() {
        return listening;
    }

    int size() {
        return entries.size();
    }
}
