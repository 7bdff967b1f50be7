package io.graphstore.config;

import io.graphstore.common.ShardName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One shard, declared as {@code [store.<name>]}: its main database, the pools each node keeps
 * to it, the share of query traffic it takes and its read replicas (in file order).
 */
public record StoreConfig(ShardName name, ConnectionInfo connection, PoolSize poolSize,
                          PoolSize fdwPoolSize, int weight, List<ReplicaConfig> replicas) {
    public static final int DEFAULT_FDW_POOL_SIZE = 5;
    public static final int DEFAULT_WEIGHT = 1;

    public StoreConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(poolSize, "poolSize");
        Objects.requireNonNull(fdwPoolSize, "fdwPoolSize");
        if (weight < 0) {
            throw new IllegalArgumentException("store " + name + " has negative weight " + weight);
        }
        replicas = List.copyOf(replicas);
    }

    public Optional<ReplicaConfig> replica(String replicaName) {
        return replicas.stream().filter(r -> r.name().equals(replicaName)).findFirst();
    }
}
