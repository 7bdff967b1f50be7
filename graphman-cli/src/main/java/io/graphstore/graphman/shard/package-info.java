/** {@code graphman shard} (alias {@code shards}): topology status, cordon, rebalance plans, the removal check. */
package io.graphstore.graphman.shard;
