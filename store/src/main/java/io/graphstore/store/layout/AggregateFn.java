package io.graphstore.store.layout;

import java.util.Arrays;
import java.util.Optional;

/** The functions of {@code @aggregate(fn: ...)}. Only {@code count} takes no {@code arg}. */
public enum AggregateFn {
    SUM, MAX, MIN, COUNT, FIRST, LAST;

    /** The name as written in the schema: {@code sum}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean hasArg() {
        return this != COUNT;
    }

    /** {@code first} and {@code last}, which may also pick strings, bytes and references. */
    public boolean picksOne() {
        return this == FIRST || this == LAST;
    }

    static Optional<AggregateFn> of(String label) {
        return Arrays.stream(values()).filter(f -> f.label().equals(label)).findFirst();
    }
}
