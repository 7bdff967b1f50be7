/**
 * One HikariCP pool per shard, sized by the config's {@code pool_size} rule for this node,
 * and a small pool for postgres_fdw work sized by {@code fdw_pool_size}. A shard whose size
 * is 0 for this node has no pool: this node ignores it. Pools never fail at creation when a
 * server is down; the first connection attempt fails within the connect timeout instead.
 */
package io.graphstore.store.pool;
