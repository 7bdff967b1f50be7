/**
 * The graph-store library. {@link io.graphstore.store.ShardedStore} opens every shard of a
 * config, migrates them under one lock in the primary and hands out per-shard pools.
 * Subpackages: {@code pool} (HikariCP pools per shard), {@code schema} (Flyway per shard),
 * {@code embedded} (the dev cluster of real PostgreSQL servers), {@code admin} (the API
 * {@code graphman} calls).
 */
package io.graphstore.store;
