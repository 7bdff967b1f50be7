package io.graphstore.config;

import io.graphstore.common.ShardName;
import java.util.Objects;

/** One {@code [chains.<network>]} entry: the shard that holds the chain's block data. */
public record ChainConfig(String network, ShardName shard) {
    public ChainConfig {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(shard, "shard");
    }
}
