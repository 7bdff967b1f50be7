package io.graphstore.store.layout;

import java.util.Arrays;
import java.util.Optional;

/**
 * The length of an aggregation's buckets, as graph-node supports them. Buckets are aligned
 * to the Unix epoch in UTC: bucket {@code n} covers {@code [n * seconds, (n + 1) * seconds)}.
 */
public enum Interval {
    HOUR("hour", 3600),
    DAY("day", 86_400);

    private final String label;
    private final long seconds;

    Interval(String label, long seconds) {
        this.label = label;
        this.seconds = seconds;
    }

    /** {@code hour} or {@code day}, as written in {@code @aggregation(intervals: [...])}. */
    public String label() {
        return label;
    }

    public long seconds() {
        return seconds;
    }

    /** The number of the bucket holding {@code micros} (microseconds since the epoch); times before 1970 fall in bucket 0. */
    public long bucket(long micros) {
        return Math.max(micros, 0) / (seconds * 1_000_000L);
    }

    /** The start of bucket {@code bucket}, in microseconds since the epoch. */
    public long start(long bucket) {
        return bucket * seconds * 1_000_000L;
    }

    static Optional<Interval> of(String label) {
        return Arrays.stream(values()).filter(i -> i.label.equals(label)).findFirst();
    }
}
