package io.graphstore.store.copy;

/**
 * How the bulk phase moves rows. {@code COPY}: a binary {@code COPY ... TO STDOUT} on the
 * source streamed straight into {@code COPY ... FROM STDIN} on the destination. {@code FDW}:
 * {@code INSERT ... SELECT} through postgres_fdw, graph-node's method. The benchmark
 * measures both; COPY is the default.
 */
public enum Transport {
    COPY, FDW;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Transport of(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
}
