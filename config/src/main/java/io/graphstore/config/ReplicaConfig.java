package io.graphstore.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A read replica of a shard, declared as {@code [store.<shard>.replicas.<name>]}. Only
 * queries go to replicas; its pool size defaults to the pool size of its shard. Its name is 1
 * to 30 lowercase letters, digits or {@code -}, graph-node's rule for replica names.
 */
public record ReplicaConfig(String name, ConnectionInfo connection, int weight, PoolSize poolSize) {
    static final Pattern VALID_NAME = Pattern.compile("[a-z0-9-]{1,30}");

    public ReplicaConfig {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("replica name '" + name + "' is invalid");
        }
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(poolSize, "poolSize");
        if (weight < 0) {
            throw new IllegalArgumentException("replica " + name + " has negative weight " + weight);
        }
    }
}
