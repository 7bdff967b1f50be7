/**
 * Shard lifecycle: rebalance plans over the deployment rules' shards. {@link
 * io.graphstore.store.rebalance.RebalancePlanner} is pure (the same inputs give the same plan);
 * {@link io.graphstore.store.admin.ShardAdmin} gathers its inputs from the directory and the
 * shards and never changes anything when it plans.
 */
package io.graphstore.store.rebalance;
